using System.Text.Json;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Statistics;

namespace Fengqiao.Features.Households.Import;

/// <summary>Where an import has got to: shown by the progress bar while the job runs.</summary>
public sealed record ImportProgress(ImportStatus Status, int Percent, int RowsRead, int RowsRejected);

/// <summary>
/// Imports residents from a file into an area, in two passes over the file. The first checks every
/// row (grid in the area, address, name, ID checksum, mobile, relation, tags, duplicates in the file
/// and in the database) and builds the households; any rejected row stops the import with a full
/// report. The second writes households and residents in one transaction with the job's success.
/// </summary>
public sealed class ResidentImporter(AppDb db, FieldProtector protector, IStringLocalizer<SharedResource> l)
{
    private const int KeptRejects = 100;
    private const int DuplicateBatch = 2000;

    private sealed class Draft
    {
        public required string GridCode { get; init; }
        public int AreaId { get; init; }
        public required string AreaPath { get; init; }
        public required string Address { get; init; }
        public HouseholdTags Tags { get; set; }
        public string? Phone { get; set; }
        public bool PhoneFromHead { get; set; }
        public int Members { get; set; }
        public string Code { get; set; } = "";
        public int Id { get; set; }
    }

    public async Task RunAsync(ImportJob job, Action<ImportProgress> report, CancellationToken ct)
    {
        var areas = await db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Path.StartsWith(job.AreaPath) && a.Level >= AreaLevel.Community)
            .Select(a => new { a.Code, a.Id, a.Path }).ToDictionaryAsync(a => a.Code, ct);
        var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var rejects = new List<RejectedRow>();
        var rejectCount = 0;
        var rejectedLines = new HashSet<int>();
        var rows = 0;
        var rejectsPath = job.StoredPath + ".rejects.csv";

        await using (var rejectsFile = new StreamWriter(rejectsPath, false, new System.Text.UTF8Encoding(true)))
        {
            await rejectsFile.WriteLineAsync("line,column,message");
            void Reject(int line, string column, string message, params object[] args)
            {
                rejectCount++;
                rejectedLines.Add(line);
                var text = l[message, args].Value;
                if (rejects.Count < KeptRejects)
                {
                    rejects.Add(new RejectedRow(line, column, text));
                }
                rejectsFile.WriteLine($"{line},{column},\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var pending = new List<(string Hash, int Line)>();
            async Task CheckDatabaseAsync()
            {
                var hashes = pending.Select(p => p.Hash).ToList();
                var existing = await db.Residents.IgnoreQueryFilters().Where(r => hashes.Contains(r.IdHash)).Select(r => r.IdHash).ToListAsync(ct);
                foreach (var (_, line) in pending.Where(p => existing.Contains(p.Hash)))
                {
                    Reject(line, "id_number", "A resident with this ID number is already registered.");
                }
                pending.Clear();
            }

            using var file = new ImportRows(job.StoredPath, job.Format);
            var missing = new List<string>();
            foreach (var row in file.Read(missing))
            {
                rows++;
                var before = rejectCount;
                var gridKnown = areas.TryGetValue(row.Grid?.Trim() ?? "", out var area);
                if (string.IsNullOrWhiteSpace(row.Grid))
                {
                    Reject(row.Line, "grid_code", "This field is required.");
                }
                else if (!gridKnown)
                {
                    Reject(row.Line, "grid_code", "There is no grid or community with code {0} in the chosen area.", row.Grid.Trim());
                }
                if (string.IsNullOrWhiteSpace(row.Address))
                {
                    Reject(row.Line, "address", "This field is required.");
                }
                else if (row.Address.Trim().Length > ResidentRules.AddressMax)
                {
                    Reject(row.Line, "address", "At most {0} characters.", ResidentRules.AddressMax);
                }
                if (ResidentRules.NameProblem(row.Name) is { } nameProblem)
                {
                    Reject(row.Line, "name", nameProblem);
                }
                string id = "";
                if (row.IdWasNumber)
                {
                    Reject(row.Line, "id_number", "Excel stored this ID number as a number and lost its last digits: format the column as text and enter it again.");
                }
                else if (ResidentRules.IdProblem(row.IdNumber, out id, out _) is { } idProblem)
                {
                    Reject(row.Line, "id_number", idProblem);
                }
                else
                {
                    var hash = protector.Hash(id);
                    if (seen.TryGetValue(hash, out var first))
                    {
                        Reject(row.Line, "id_number", "The same ID number is already on line {0}.", first);
                    }
                    else
                    {
                        seen[hash] = row.Line;
                        pending.Add((hash, row.Line));
                    }
                }
                if (ResidentRules.PhoneProblem(row.Phone, out var phone) is { } phoneProblem)
                {
                    Reject(row.Line, "phone", phoneProblem);
                }
                var relation = ResidentRules.ParseRelation(row.Relation);
                if (relation is null)
                {
                    Reject(row.Line, "relation", "Unknown relation \"{0}\": use head, spouse, child, parent, grandchild, sibling, tenant or other (户主, 配偶, 子女 …).", row.Relation ?? "");
                }
                var tags = ResidentRules.ParseTags(row.Tags);
                if (tags is null)
                {
                    Reject(row.Line, "tags", "Unknown tag in \"{0}\": use ElderlyAlone, LeftBehindChild, Disability, SpecialCare, Rental, LowIncome or Veteran (独居老人, 留守儿童 …).", row.Tags ?? "");
                }
                if (rejectCount == before)
                {
                    var address = row.Address!.Trim();
                    var key = area!.Code + "|" + address;
                    if (!drafts.TryGetValue(key, out var draft))
                    {
                        drafts[key] = draft = new Draft { GridCode = area.Code, AreaId = area.Id, AreaPath = area.Path, Address = address };
                    }
                    draft.Members++;
                    draft.Tags |= tags!.Value;
                    if (phone is not null && (draft.Phone is null || (relation == Relation.Head && !draft.PhoneFromHead)))
                    {
                        (draft.Phone, draft.PhoneFromHead) = (phone, relation == Relation.Head);
                    }
                }
                if (pending.Count >= DuplicateBatch)
                {
                    await CheckDatabaseAsync();
                }
                if (rows % 5000 == 0)
                {
                    report(new ImportProgress(ImportStatus.Checking, Percent(file.Fraction, 0), rows, rejectedLines.Count));
                }
            }
            if (pending.Count > 0)
            {
                await CheckDatabaseAsync();
            }
            job.RowsRead = rows;
            job.RowsRejected = rejectedLines.Count;
            if (missing.Count > 0)
            {
                await FinishAsync(job, ImportStatus.Rejected, l["The file has no column for: {0}. The first row must name the columns.", string.Join(", ", missing)], ct);
                return;
            }
        }

        if (rows == 0 || rejectCount > 0)
        {
            job.RejectsJson = JsonSerializer.Serialize(rejects);
            var message = rows == 0
                ? l["The file has no rows to import."]
                : l["{0} of {1} rows were rejected, so nothing was imported. Correct them and upload the file again.", rejectedLines.Count, rows];
            await FinishAsync(job, ImportStatus.Rejected, message, ct);
            return;
        }
        File.Delete(rejectsPath);
        report(new ImportProgress(ImportStatus.Importing, 50, rows, 0));
        await WriteAsync(job, drafts, rows, report, ct);
    }

    private async Task WriteAsync(ImportJob job, Dictionary<string, Draft> drafts, int rows, Action<ImportProgress> report, CancellationToken ct)
    {
        var created = DateTime.UtcNow;
        // Household numbers are reserved before the long transaction, each in its own short one, so that
        // officers registering a household in these grids meanwhile are not kept waiting (unused numbers are skipped).
        foreach (var grid in drafts.Values.GroupBy(d => d.GridCode))
        {
            var last = await CaseCodes.ReserveAsync(db, "HH-" + grid.Key, grid.Count(), ct);
            var number = last - grid.Count();
            foreach (var d in grid)
            {
                d.Code = $"{d.GridCode}-{++number:0000}";
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SetSqliteCacheAsync(large: true, ct);
        try
        {
            var maxBefore = await db.Households.IgnoreQueryFilters().MaxAsync(h => (int?)h.Id, ct) ?? 0;
            await WriteHouseholdsAsync(drafts.Values, created, rows, report, ct);
            var byCode = drafts.Values.ToDictionary(d => d.Code, StringComparer.Ordinal);
            await foreach (var h in db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.Id > maxBefore).Select(h => new { h.Id, h.Code }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (byCode.TryGetValue(h.Code, out var d))
                {
                    d.Id = h.Id;
                }
            }

            using var file = new ImportRows(job.StoredPath, job.Format);
            var written = 0;
            await using var writer = await BulkWriter.OpenAsync<Resident>(db, BulkKeys.Generated, ct);
            // Encrypting and hashing is most of the work: each batch is prepared on every core, then written in file order.
            foreach (var batch in file.Read([]).Chunk(4096))
            {
                var residents = batch.AsParallel().AsOrdered().WithCancellation(ct).Select(row => Build(row, drafts)).ToArray();
                foreach (var resident in residents)
                {
                    writer.Add(resident);
                }
                written += residents.Length;
                report(new ImportProgress(ImportStatus.Importing, 60 + (int)(39.0 * written / rows), rows, 0));
            }
            await writer.CompleteAsync(ct);
        }
        finally
        {
            await SetSqliteCacheAsync(large: false, CancellationToken.None);
        }
        // The bulk path writes past the DbContext, so it adds its own statistics, in the same transaction.
        var counts = new RollupDelta();
        foreach (var d in drafts.Values)
        {
            counts.Add(new Contribution(d.AreaPath, RollupDays.OfUtc(created), Metric.Households, 1), +1);
            counts.Add(new Contribution(d.AreaPath, RollupDays.Always, Metric.Residents, d.Members), +1);
        }
        await RollupWriter.ApplyAsync(db, counts, ct);
        job.HouseholdsCreated = drafts.Count;
        job.ResidentsCreated = rows;
        // Marked done in the same transaction as the rows: never "succeeded" without them, nor them without it.
        await FinishAsync(job, ImportStatus.Succeeded, l["{0} residents in {1} households were imported.", rows, drafts.Count], ct);
        await tx.CommitAsync(ct);
    }

    private Resident Build(ImportRow row, Dictionary<string, Draft> drafts)
    {
        ResidentRules.IdProblem(row.IdNumber, out var id, out var birth);
        ResidentRules.PhoneProblem(row.Phone, out var phone);
        var d = drafts[row.Grid!.Trim() + "|" + row.Address!.Trim()];
        return new Resident
        {
            HouseholdId = d.Id, AreaPath = d.AreaPath, Name = row.Name!.Trim(), IdCipher = protector.Protect(id), IdHash = protector.Hash(id),
            IdMasked = Mask.IdNumber(id), BirthDate = birth, Gender = ResidentRules.GenderOf(id), Relation = ResidentRules.ParseRelation(row.Relation)!.Value,
            Tags = ResidentRules.ParseTags(row.Tags)!.Value,
            PhoneCipher = phone is null ? null : protector.Protect(phone), PhoneHash = phone is null ? null : protector.Hash(phone),
            PhoneMasked = phone is null ? null : Mask.Phone(phone),
        };
    }

    /// <summary>The households, numbered by the database, before their ids are read back for the residents.</summary>
    private async Task WriteHouseholdsAsync(IReadOnlyCollection<Draft> drafts, DateTime created, int rows, Action<ImportProgress> report, CancellationToken ct)
    {
        await using var writer = await BulkWriter.OpenAsync<Household>(db, BulkKeys.Generated, ct);
        var written = 0;
        foreach (var d in drafts)
        {
            if (++written % 5000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                // Households are the first tenth of the writing.
                report(new ImportProgress(ImportStatus.Importing, 50 + (int)(10.0 * written / drafts.Count), rows, 0));
            }
            writer.Add(new Household
            {
                Code = d.Code, Address = d.Address, AreaId = d.AreaId, AreaPath = d.AreaPath, Tags = d.Tags, MemberCount = d.Members, CreatedAt = created,
                PhoneCipher = d.Phone is null ? null : protector.Protect(d.Phone), PhoneHash = d.Phone is null ? null : protector.Hash(d.Phone),
                PhoneMasked = d.Phone is null ? null : Mask.Phone(d.Phone),
            });
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// The look-up hashes are random keys: their index pages are touched all over. A 512 MB page cache for this connection
    /// keeps them in memory instead of re-reading them for every row (set back when done). SQLite only.
    /// </summary>
    private async Task SetSqliteCacheAsync(bool large, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(large ? "PRAGMA cache_size = -524288" : "PRAGMA cache_size = -2000", ct);
        }
    }

    private async Task FinishAsync(ImportJob job, ImportStatus status, string message, CancellationToken ct)
    {
        job.Status = status;
        job.Message = message;
        job.FinishedAt = DateTime.UtcNow;
        db.Update(job);
        // Who brought whose personal data in, and how it ended: audited with the job's outcome (in the import's transaction).
        Infrastructure.Audit.AuditLog.Write(db, "import:" + status.ToString().ToLowerInvariant(), nameof(ImportJob),
            job.Id.ToString(CultureInfo.InvariantCulture), message, job.AreaPath, job.CreatedBy);
        await db.SaveChangesAsync(ct);
    }

    private static int Percent(double fraction, int offset) => double.IsNaN(fraction) ? offset : offset + (int)(fraction * 49);
}

