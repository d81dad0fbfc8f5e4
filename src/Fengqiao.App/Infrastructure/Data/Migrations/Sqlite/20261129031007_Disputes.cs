using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CodeCounter",
                columns: table => new
                {
                    Series = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeCounter", x => x.Series);
                });

            migrationBuilder.CreateTable(
                name: "Disputes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Risk = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleInvolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lng = table.Column<double>(type: "REAL", nullable: true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StationUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsibleOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusBeforeSuspension = table.Column<int>(type: "INTEGER", nullable: true),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SuspendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueKind = table.Column<int>(type: "INTEGER", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PausedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PausedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredTo = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReferredBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferralAnswer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SessionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedToId = table.Column<int>(type: "INTEGER", nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disputes_People_ResponsibleOfficerId",
                        column: x => x.ResponsibleOfficerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Disputes_Units_StationUnitId",
                        column: x => x.StationUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectKind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectAreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkingDaysOverdue = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dangers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResponsibleParty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: true),
                    FoundById = table.Column<int>(type: "INTEGER", nullable: true),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectifiedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RectificationNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dangers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dangers_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dangers_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dangers_People_FoundById",
                        column: x => x.FoundById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dangers_People_VerifiedById",
                        column: x => x.VerifiedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisputeEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Risk = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisputeEvents_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisputeHandler",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeHandler", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisputeHandler_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DisputeHandler_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DisputeParty",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisputeParty", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisputeParty_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgreementKept = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewRisk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VisitedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpVisits_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediationAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PerformBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JudicialConfirmationBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JudicialConfirmationRequested = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationAgreements_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediationSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisputeId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mediators = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationSessions_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_AreaId",
                table: "Dangers",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_AreaPath",
                table: "Dangers",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_Code",
                table: "Dangers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_DisputeId",
                table: "Dangers",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_FoundById",
                table: "Dangers",
                column: "FoundById");

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_Status_RectifyBy",
                table: "Dangers",
                columns: new[] { "Status", "RectifyBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Dangers_VerifiedById",
                table: "Dangers",
                column: "VerifiedById");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvents_DisputeId",
                table: "DisputeEvents",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeEvents_Type_Day_AreaPath",
                table: "DisputeEvents",
                columns: new[] { "Type", "Day", "AreaPath" });

            migrationBuilder.CreateIndex(
                name: "IX_DisputeHandler_DisputeId_PersonId",
                table: "DisputeHandler",
                columns: new[] { "DisputeId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisputeHandler_PersonId",
                table: "DisputeHandler",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeParty_DisputeId",
                table: "DisputeParty",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_DisputeParty_Name",
                table: "DisputeParty",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_AreaPath",
                table: "Disputes",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_Code",
                table: "Disputes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_RegisteredOn",
                table: "Disputes",
                column: "RegisteredOn");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_ResponsibleOfficerId",
                table: "Disputes",
                column: "ResponsibleOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_StationUnitId",
                table: "Disputes",
                column: "StationUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_Status_DueDate",
                table: "Disputes",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisits_DisputeId",
                table: "FollowUpVisits",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationAgreements_DisputeId",
                table: "MediationAgreements",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationSessions_DisputeId",
                table: "MediationSessions",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_AreaPath",
                table: "SupervisionNotices",
                column: "AreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_SubjectAreaPath",
                table: "SupervisionNotices",
                column: "SubjectAreaPath");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_SubjectKind_SubjectId_DueDate_Level",
                table: "SupervisionNotices",
                columns: new[] { "SubjectKind", "SubjectId", "DueDate", "Level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CodeCounter");

            migrationBuilder.DropTable(
                name: "Dangers");

            migrationBuilder.DropTable(
                name: "DisputeEvents");

            migrationBuilder.DropTable(
                name: "DisputeHandler");

            migrationBuilder.DropTable(
                name: "DisputeParty");

            migrationBuilder.DropTable(
                name: "FollowUpVisits");

            migrationBuilder.DropTable(
                name: "MediationAgreements");

            migrationBuilder.DropTable(
                name: "MediationSessions");

            migrationBuilder.DropTable(
                name: "SupervisionNotices");

            migrationBuilder.DropTable(
                name: "Disputes");
        }
    }
}
