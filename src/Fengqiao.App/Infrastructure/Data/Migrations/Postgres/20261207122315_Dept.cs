using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmailMasked",
                table: "Units",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedByName",
                table: "DemandReferrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptedOn",
                table: "DemandReferrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnsweredByUnit",
                table: "DemandReferrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "LinkKey",
                table: "DemandReferrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueNotifiedOn",
                table: "DemandReferrals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "DemandReferrals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedByName",
                table: "DemandReferrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnedOn",
                table: "DemandReferrals",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HeldNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Event = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DigestKey = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoticePreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Digest = table.Column<bool>(type: "boolean", nullable: false),
                    LastDigestOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticePreferences", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_LinkKey",
                table: "DemandReferrals",
                column: "LinkKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeldNotices_DigestKey_UserId",
                table: "HeldNotices",
                columns: new[] { "DigestKey", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticePreferences_Digest",
                table: "NoticePreferences",
                column: "Digest");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldNotices");

            migrationBuilder.DropTable(
                name: "NoticePreferences");

            migrationBuilder.DropIndex(
                name: "IX_DemandReferrals_LinkKey",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "ContactEmailMasked",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "AcceptedByName",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "AcceptedOn",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "AnsweredByUnit",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "LinkKey",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "OverdueNotifiedOn",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "ReturnedByName",
                table: "DemandReferrals");

            migrationBuilder.DropColumn(
                name: "ReturnedOn",
                table: "DemandReferrals");
        }
    }
}
