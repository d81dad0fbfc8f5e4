using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fengqiao.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID: the rows live in the primary key's b-tree, so an area's range is read in one pass
            // (EF has no switch for it; the model is otherwise what the snapshot says).
            migrationBuilder.Sql("""
                CREATE TABLE "AreaRollups" (
                    "Metric" INTEGER NOT NULL,
                    "Area" TEXT NOT NULL,
                    "Day" TEXT NOT NULL,
                    "Value" INTEGER NOT NULL,
                    CONSTRAINT "PK_AreaRollups" PRIMARY KEY ("Metric", "Area", "Day")
                ) WITHOUT ROWID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaRollups");
        }
    }
}
