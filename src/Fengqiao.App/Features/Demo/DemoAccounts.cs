namespace Fengqiao.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Seed the demo province and its demo accounts into an empty database. Never in production.</summary>
    public bool Enabled { get; set; }
}

public sealed record DemoAccount(string UserName, string Role, string PersonNameZh, string WhoEn, string WhoZh);

/// <summary>The demo sign-ins, one per kind of user. They exist only when demo mode seeded them.</summary>
public static class DemoAccounts
{
    public const string Password = "Fengqiao-2024";

    /// <summary>
    /// The demo's authenticator key (base32) for the accounts that need a second factor: add it to any TOTP app,
    /// or read the current code on the demo sign-in page. Only demo mode sets it.
    /// </summary>
    public const string AuthenticatorKey = "FENGQIAODEMOTOTPSECRETJILINPROVS";

    public static bool NeedsSecondFactor(DemoAccount a) => Roles.NeedSecondFactor.Contains(a.Role);

    public static readonly DemoAccount[] All =
    [
        new("demo.admin", Roles.Administrator, "", "System administrator (whole province)", "系统管理员（全省）"),
        new("demo.province", Roles.Leader, "于海波", "Yu Haibo, Political Department, Provincial Public Security Department", "于海波，省公安厅政治部"),
        new("demo.director", Roles.Leader, "李振国", "Li Zhenguo, director of Chongqing Road Police Station", "李振国，重庆路派出所所长"),
        new("demo.officer", Roles.Officer, "吴辉", "Wu Hui, community police, Chongqing Road Police Station", "吴辉，重庆路派出所社区民警"),
        new("demo.officer2", Roles.Officer, "张春民", "Zhang Chunmin, community police, Xi'an Square Police Station", "张春民，西安广场派出所社区民警"),
        new("demo.weidong", Roles.Officer, "魏东", "Wei Dong, community police and deputy director of Fubei Community", "魏东，社区民警、阜北社区居委会副主任"),
        new("demo.grid", Roles.Officer, "刘晓燕", "Liu Xiaoyan, grid officer in Chongqing Road Street", "刘晓燕，重庆路街道网格员"),
        new("demo.volunteer", Roles.Resident, "", "Wang Shufen, building leader in the Chongqing Road Street volunteer patrol team (resident portal: patrols and tips)", "王淑芬，重庆路街道平安志愿巡逻队楼长（居民门户：巡逻与线索）"),
        new("demo.auditor", Roles.Auditor, "", "Security auditor: reads the audit log, nothing else", "安全审计员：只能查看审计日志"),
        new("demo.security", Roles.SecurityOfficer, "", "Security officer: manages accounts, roles and second factors, sees no records", "安全保密管理员：管理账号、角色和双因素认证，不能查看业务数据"),
        new("demo.clerk", Roles.Clerk, "陈静", "Chen Jing, service clerk, Huadian People's Hospital police office", "陈静，桦甸市人民医院警务室窗口民警"),
    ];
}
