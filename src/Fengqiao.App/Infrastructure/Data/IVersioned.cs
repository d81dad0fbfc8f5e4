namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// A record edited by people. <see cref="Version"/> is the optimistic-concurrency token: every
/// save bumps it, and a save that started from an older version fails instead of overwriting.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
