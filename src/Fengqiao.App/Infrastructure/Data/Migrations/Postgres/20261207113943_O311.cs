using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class O311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Bridge",
                table: "ResidentRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BridgeOrder",
                table: "ResidentRequests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RequestUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    RequestCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ExternalStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NoteKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClientUpdateId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestUpdates_ResidentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResidentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentRequests_Bridge_BridgeOrder",
                table: "ResidentRequests",
                columns: new[] { "Bridge", "BridgeOrder" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestUpdates_AreaPath",
                table: "RequestUpdates",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_RequestUpdates_At",
                table: "RequestUpdates",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_RequestUpdates_Client_ClientUpdateId",
                table: "RequestUpdates",
                columns: new[] { "Client", "ClientUpdateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestUpdates_RequestId",
                table: "RequestUpdates",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestUpdates");

            migrationBuilder.DropIndex(
                name: "IX_ResidentRequests_Bridge_BridgeOrder",
                table: "ResidentRequests");

            migrationBuilder.DropColumn(
                name: "Bridge",
                table: "ResidentRequests");

            migrationBuilder.DropColumn(
                name: "BridgeOrder",
                table: "ResidentRequests");
        }
    }
}
