using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fengqiao.Infrastructure.Data;

/// <summary>Hand-written statements for the few places EF cannot express (upserts that add, RETURNING).</summary>
public static class DbCommands
{
    /// <summary>A command on the context's connection, in its current transaction if there is one.</summary>
    public static DbCommand Create(AppDb db, string sql = "")
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return command;
    }
}
