using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disputes_AreaPath",
                table: "Disputes");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_AreaPath_MergedIntoId_RegisteredAt",
                table: "Disputes",
                columns: new[] { "AreaPath", "MergedIntoId", "RegisteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Disputes_AreaPath_MergedIntoId_RegisteredAt",
                table: "Disputes");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_AreaPath",
                table: "Disputes",
                column: "AreaPath");
        }
    }
}
