namespace Fengqiao.Features.PublicServices;

/// <summary>
/// The shipped catalogue of public-security services (household registration, ID cards,
/// exit–entry, traffic, certificates), inserted at start-up where missing; never overwritten.
/// Time limits are the usual legal ones in working days (0: done on the spot).
/// </summary>
public static class CatalogueData
{
    private const ServiceChannels Counter = ServiceChannels.Appointment | ServiceChannels.OnTheSpot;

    public static IReadOnlyList<PublicService> Services { get; } =
    [
        S("HR-NEWBORN", "新生儿出生登记（入户）", "Newborn birth registration (household entry)", ServiceCategory.HouseholdRegistration, 0, Counter | ServiceChannels.Online, 0m,
            "出生医学证明\n父母居民户口簿\n父母居民身份证\n父母结婚证", "Birth medical certificate\nParents' household registers\nParents' ID cards\nParents' marriage certificate"),
        S("HR-MOVE", "户口迁移（投靠、购房落户）", "Household transfer (joining family, home purchase)", ServiceCategory.HouseholdRegistration, 5, Counter, 0m,
            "居民户口簿\n居民身份证\n房产证或亲属关系证明", "Household register\nID card\nProperty certificate or proof of kinship"),
        S("HR-CERT", "户籍证明开具", "Household registration certificate", ServiceCategory.HouseholdRegistration, 0, Counter | ServiceChannels.Online, 0m,
            "居民身份证", "ID card"),
        S("ID-FIRST", "居民身份证首次申领", "Resident ID card, first application", ServiceCategory.IdCard, 20, Counter, 20m,
            "居民户口簿\n监护人身份证（未成年人）", "Household register\nGuardian's ID card (minors)"),
        S("ID-RENEW", "居民身份证换领（到期、损坏）", "Resident ID card renewal (expired or damaged)", ServiceCategory.IdCard, 20, Counter, 20m,
            "原居民身份证\n居民户口簿", "Old ID card\nHousehold register"),
        S("ID-LOSS", "居民身份证补领（遗失）", "Resident ID card replacement (lost)", ServiceCategory.IdCard, 20, Counter, 40m,
            "居民户口簿", "Household register"),
        S("ID-TEMP", "临时居民身份证", "Temporary ID card", ServiceCategory.IdCard, 0, ServiceChannels.OnTheSpot, 10m,
            "居民户口簿或身份证受理回执", "Household register or ID application receipt"),
        S("EE-PASSPORT", "普通护照申领", "Ordinary passport application", ServiceCategory.ExitEntry, 7, Counter, 120m,
            "居民身份证\n近期证件照片（可现场采集）", "ID card\nRecent photo (can be taken on site)"),
        S("EE-HKMO", "往来港澳通行证及签注", "Exit–entry permit for Hong Kong and Macao, with endorsement", ServiceCategory.ExitEntry, 7, Counter, 60m,
            "居民身份证", "ID card"),
        S("EE-TW", "往来台湾通行证及签注", "Travel permit to Taiwan, with endorsement", ServiceCategory.ExitEntry, 10, Counter, 60m,
            "居民身份证", "ID card"),
        S("RES-PERMIT", "居住证申领", "Residence permit", ServiceCategory.Certificates, 15, Counter | ServiceChannels.Online, 0m,
            "居民身份证\n居住证明（租房合同、房产证等）\n近期证件照片", "ID card\nProof of residence (lease, property certificate)\nRecent photo"),
        S("CERT-NOCRIME", "无犯罪记录证明", "Certificate of no criminal record", ServiceCategory.Certificates, 3, Counter | ServiceChannels.Online, 0m,
            "居民身份证\n用途说明", "ID card\nStatement of purpose"),
        S("TR-VIOLATION", "交通违法处理", "Traffic violation handling", ServiceCategory.Traffic, 0, ServiceChannels.OnTheSpot | ServiceChannels.Online, 0m,
            "机动车驾驶证\n机动车行驶证", "Driving licence\nVehicle licence"),
        S("TR-LICENCE", "机动车驾驶证补换领", "Driving licence renewal or replacement", ServiceCategory.Traffic, 1, Counter | ServiceChannels.Online, 10m,
            "居民身份证\n原驾驶证（换领）\n身体条件证明", "ID card\nOld licence (renewal)\nMedical certificate"),
        S("MED-INSURANCE", "新生儿医保参保转介", "Newborn medical insurance referral", ServiceCategory.Other, 5, Counter, 0m,
            "出生医学证明\n新生儿户口簿页", "Birth medical certificate\nNewborn's household register page"),
    ];

    public static IReadOnlyList<ServiceBundle> Bundles { get; } =
    [
        new() { Code = "B-BIRTH", NameZh = "出生“一件事”", NameEn = "A child's birth as one case", ServiceCodes = "HR-NEWBORN,ID-FIRST,MED-INSURANCE" },
        new() { Code = "B-MOVE", NameZh = "迁居“一件事”", NameEn = "Moving home as one case", ServiceCodes = "HR-MOVE,ID-RENEW,RES-PERMIT" },
    ];

    private static PublicService S(string code, string zh, string en, ServiceCategory category, int days, ServiceChannels channels, decimal fee, string materialsZh, string materialsEn) =>
        new()
        {
            Code = code, NameZh = zh, NameEn = en, Category = category, TimeLimitWorkingDays = days, Channels = channels, Fee = fee,
            MaterialsZh = materialsZh, MaterialsEn = materialsEn,
        };

    public static async Task SeedCatalogueAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var codes = await db.PublicServices.Select(s => s.Code).ToListAsync(ct);
        db.PublicServices.AddRange(Services.Where(s => !codes.Contains(s.Code)).Select(Copy));
        var bundles = await db.ServiceBundles.Select(b => b.Code).ToListAsync(ct);
        db.ServiceBundles.AddRange(Bundles.Where(b => !bundles.Contains(b.Code))
            .Select(b => new ServiceBundle { Code = b.Code, NameZh = b.NameZh, NameEn = b.NameEn, ServiceCodes = b.ServiceCodes }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment inserted the catalogue first.
        }
    }

    private static PublicService Copy(PublicService s) => S(s.Code, s.NameZh, s.NameEn, s.Category, s.TimeLimitWorkingDays, s.Channels, s.Fee, s.MaterialsZh, s.MaterialsEn);
}
