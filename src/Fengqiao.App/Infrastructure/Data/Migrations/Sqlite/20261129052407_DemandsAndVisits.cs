using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DemandsAndVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetTags = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommunityProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sponsor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityProjects_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignAreas_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CampaignAreas_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanionName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AntiFraudGiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: true),
                    DangerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_People_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Demands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Demands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Demands_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Demands_CommunityProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommunityProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Demands_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Demands_People_RaisedById",
                        column: x => x.RaisedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectMembers_CommunityProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommunityProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Customer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountYuan = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectOrders_CommunityProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "CommunityProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandReferrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitNameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitNameEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferredById = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandReferrals_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandReferrals_People_ReferredById",
                        column: x => x.ReferredById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandReferrals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAreas_AreaId",
                table: "CampaignAreas",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAreas_AreaPath",
                table: "CampaignAreas",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAreas_CampaignId_AreaId",
                table: "CampaignAreas",
                columns: new[] { "CampaignId", "AreaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_AreaId",
                table: "Campaigns",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_AreaPath",
                table: "Campaigns",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_StartsOn_EndsOn",
                table: "Campaigns",
                columns: new[] { "StartsOn", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityProjects_AreaId",
                table: "CommunityProjects",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityProjects_AreaPath",
                table: "CommunityProjects",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_AnsweredOn_DueOn",
                table: "DemandReferrals",
                columns: new[] { "AnsweredOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_AreaPath",
                table: "DemandReferrals",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_DemandId",
                table: "DemandReferrals",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_ReferredById",
                table: "DemandReferrals",
                column: "ReferredById");

            migrationBuilder.CreateIndex(
                name: "IX_DemandReferrals_UnitId",
                table: "DemandReferrals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_AreaId",
                table: "Demands",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_AreaPath",
                table: "Demands",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Code",
                table: "Demands",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Demands_HouseholdId",
                table: "Demands",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ProjectId",
                table: "Demands",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_RaisedById",
                table: "Demands",
                column: "RaisedById");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Status_RaisedOn",
                table: "Demands",
                columns: new[] { "Status", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Demands_VisitId",
                table: "Demands",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectMembers_ProjectId",
                table: "ProjectMembers",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectOrders_ProjectId",
                table: "ProjectOrders",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_AreaPath",
                table: "Visits",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CampaignId_HouseholdId",
                table: "Visits",
                columns: new[] { "CampaignId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_HouseholdId",
                table: "Visits",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OfficerId",
                table: "Visits",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_VisitedAt",
                table: "Visits",
                column: "VisitedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignAreas");

            migrationBuilder.DropTable(
                name: "DemandReferrals");

            migrationBuilder.DropTable(
                name: "ProjectMembers");

            migrationBuilder.DropTable(
                name: "ProjectOrders");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "Demands");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "CommunityProjects");
        }
    }
}
