using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedByName",
                table: "DemandReferrals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptedOn",
                table: "DemandReferrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AnsweredByUnit",
                table: "DemandReferrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "LinkKey",
                table: "DemandReferrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueNotifiedOn",
                table: "DemandReferrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "DemandReferrals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnedByName",
                table: "DemandReferrals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReturnedOn",
                table: "DemandReferrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HeldNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DigestKey = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NoticePreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Digest = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastDigestOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
