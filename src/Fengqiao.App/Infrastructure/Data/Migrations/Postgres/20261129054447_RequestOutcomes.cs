using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DemandId",
                table: "ResidentRequests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TipId",
                table: "ResidentRequests",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DemandId",
                table: "ResidentRequests");

            migrationBuilder.DropColumn(
                name: "TipId",
                table: "ResidentRequests");
        }
    }
}
