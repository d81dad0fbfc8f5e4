namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// Rows that are bookkeeping rather than acts (sessions, idempotency records, the audit chain itself, job
/// progress, number counters): their changes are not written to the audit log one by one.
/// </summary>
public interface INotAudited;
