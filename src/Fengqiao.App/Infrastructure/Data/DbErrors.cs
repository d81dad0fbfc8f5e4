using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fengqiao.Infrastructure.Data;

public static class DbErrors
{
    /// <summary>
    /// A unique index refused the row (someone saved the same thing a moment ago) — and not a full disk, a lost
    /// connection or anything else a catch of <see cref="DbUpdateException"/> would otherwise hide.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
