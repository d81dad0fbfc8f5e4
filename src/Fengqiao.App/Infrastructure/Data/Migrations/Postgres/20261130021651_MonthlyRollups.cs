using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonthlyRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Flows and stocks are kept by month too (Metrics.Monthly: 1000 + the metric, on the month's first day); the
            // rows counted so far get theirs here. Open-by-due counts (3, 12, 44, 52) have none.
            migrationBuilder.Sql("""
                INSERT INTO "AreaRollups" ("Metric", "Area", "Day", "Value")
                SELECT "Metric" + 1000, "Area", CAST(date_trunc('month', "Day") AS date), SUM("Value")
                FROM "AreaRollups" WHERE "Metric" < 1000 AND "Metric" NOT IN (3, 12, 44, 52)
                GROUP BY "Metric", "Area", CAST(date_trunc('month', "Day") AS date)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "AreaRollups" WHERE "Metric" >= 1000""");
        }
    }
}
