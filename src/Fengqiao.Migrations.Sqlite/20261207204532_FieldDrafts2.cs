using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FieldDrafts2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "Tips",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "PatrolLogs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "Disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tips_ClientId",
                table: "Tips",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatrolLogs_ClientId",
                table: "PatrolLogs",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_ClientId",
                table: "Disputes",
                column: "ClientId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tips_ClientId",
                table: "Tips");

            migrationBuilder.DropIndex(
                name: "IX_PatrolLogs_ClientId",
                table: "PatrolLogs");

            migrationBuilder.DropIndex(
                name: "IX_Disputes_ClientId",
                table: "Disputes");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Tips");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "PatrolLogs");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Disputes");
        }
    }
}
