using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class D110 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Units",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DiversionKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    LocalUnitKind = table.Column<int>(type: "INTEGER", nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TimeLimitWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiversionKinds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiversionKinds_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Diversions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    KindId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lng = table.Column<double>(type: "REAL", nullable: true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallerPhone = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CallerPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitNameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitNameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    DivertedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DivertedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Diversions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Diversions_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Diversions_DiversionKinds_KindId",
                        column: x => x.KindId,
                        principalTable: "DiversionKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Diversions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DiversionEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DiversionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitNameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnitNameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiversionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiversionEvents_Diversions_DiversionId",
                        column: x => x.DiversionId,
                        principalTable: "Diversions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DiversionEvents_DiversionId",
                table: "DiversionEvents",
                column: "DiversionId");

            migrationBuilder.CreateIndex(
                name: "IX_DiversionKinds_Code",
                table: "DiversionKinds",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiversionKinds_UnitId",
                table: "DiversionKinds",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Diversions_AreaId",
                table: "Diversions",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Diversions_AreaPath",
                table: "Diversions",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_Diversions_IncidentNumber",
                table: "Diversions",
                column: "IncidentNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Diversions_KindId",
                table: "Diversions",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_Diversions_Status_DueOn",
                table: "Diversions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Diversions_UnitId",
                table: "Diversions",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DiversionEvents");

            migrationBuilder.DropTable(
                name: "Diversions");

            migrationBuilder.DropTable(
                name: "DiversionKinds");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Units");
        }
    }
}
