using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClusterAndField : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "Visits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "Dangers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DangerPhoto",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DangerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DangerPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DangerPhoto_Dangers_DangerId",
                        column: x => x.DangerId,
                        principalTable: "Dangers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UntilMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ClientId",
                table: "Visits",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_ClientId",
                table: "Dangers",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DangerPhoto_DangerId",
                table: "DangerPhoto",
                column: "DangerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DangerPhoto");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropIndex(
                name: "IX_Visits_ClientId",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Dangers_ClientId",
                table: "Dangers");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Dangers");
        }
    }
}
