namespace Fengqiao.Infrastructure.Data;

/// <summary>A timeline row (a case's or a danger's): written once, never changed or deleted; the context refuses both.</summary>
public interface IAppendOnly;
