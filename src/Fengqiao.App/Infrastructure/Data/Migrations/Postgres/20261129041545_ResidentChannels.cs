using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResidentChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    AreaPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionZh = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityPriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    AreaPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssueZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssueEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ActionZh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActionEn = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: true),
                    ActionDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPriorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lng = table.Column<double>(type: "double precision", nullable: true),
                    AddressString = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AddressId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    AreaPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StationUnitId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LastName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DeviceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AccountId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    AttributesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApiKeyName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DisputeId = table.Column<int>(type: "integer", nullable: true),
                    DangerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestPhoto",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestPhoto", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestPhoto_ResidentRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResidentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityEvents_AreaId_StartsAt",
                table: "CommunityEvents",
                columns: new[] { "AreaId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityEvents_AreaPath",
                table: "CommunityEvents",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPriorities_AreaId",
                table: "CommunityPriorities",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPriorities_AreaPath",
                table: "CommunityPriorities",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_RequestPhoto_RequestId",
                table: "RequestPhoto",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentRequests_AreaPath",
                table: "ResidentRequests",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentRequests_Code",
                table: "ResidentRequests",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentRequests_Status_RequestedAt",
                table: "ResidentRequests",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentRequests_UserId",
                table: "ResidentRequests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityEvents");

            migrationBuilder.DropTable(
                name: "CommunityPriorities");

            migrationBuilder.DropTable(
                name: "RequestPhoto");

            migrationBuilder.DropTable(
                name: "ResidentRequests");
        }
    }
}
