using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DangerHistorySecondmentConfirmationFacilities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "Secondments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ConfirmedOn",
                table: "Secondments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedBy",
                table: "Secondments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Facilities",
                table: "Outlets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AssessedById",
                table: "Dangers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measures",
                table: "Dangers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyAnswer",
                table: "Dangers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReferredOn",
                table: "Dangers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Risk",
                table: "Dangers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DangerEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DangerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Risk = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DangerEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DangerEvents_Dangers_DangerId",
                        column: x => x.DangerId,
                        principalTable: "Dangers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_AssessedById",
                table: "Dangers",
                column: "AssessedById");

            migrationBuilder.CreateIndex(
                name: "IX_DangerEvents_AreaPath",
                table: "DangerEvents",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_DangerEvents_DangerId",
                table: "DangerEvents",
                column: "DangerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Dangers_People_AssessedById",
                table: "Dangers",
                column: "AssessedById",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Secondments recorded before confirmation existed were ordered by the sending side: they stand as confirmed.
            migrationBuilder.Sql("UPDATE \"Secondments\" SET \"ConfirmedOn\" = \"StartDate\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Dangers_People_AssessedById",
                table: "Dangers");

            migrationBuilder.DropTable(
                name: "DangerEvents");

            migrationBuilder.DropIndex(
                name: "IX_Dangers_AssessedById",
                table: "Dangers");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "Secondments");

            migrationBuilder.DropColumn(
                name: "ConfirmedOn",
                table: "Secondments");

            migrationBuilder.DropColumn(
                name: "RequestedBy",
                table: "Secondments");

            migrationBuilder.DropColumn(
                name: "Facilities",
                table: "Outlets");

            migrationBuilder.DropColumn(
                name: "AssessedById",
                table: "Dangers");

            migrationBuilder.DropColumn(
                name: "Measures",
                table: "Dangers");

            migrationBuilder.DropColumn(
                name: "PartyAnswer",
                table: "Dangers");

            migrationBuilder.DropColumn(
                name: "ReferredOn",
                table: "Dangers");

            migrationBuilder.DropColumn(
                name: "Risk",
                table: "Dangers");
        }
    }
}
