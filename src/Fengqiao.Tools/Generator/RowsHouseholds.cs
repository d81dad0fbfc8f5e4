using Fengqiao.Features.Households;
using Fengqiao.Infrastructure.Privacy;

namespace Fengqiao.Tools.Generator;

/// <summary>
/// Households (9,000,000 at scale 1) and residents (24,000,000), apportioned over the grids. Each grid's households are
/// drawn from the grid's own random stream, so that the two passes (households first, then residents, as the tables must
/// be written) draw the same families. ID numbers are real-looking: the county's code, the birth date, a sequence (odd
/// for men) unique per county and day, and the check character; encrypted, hashed and masked as the app does.
/// </summary>
internal sealed class RowsHouseholds
{
    private const int Block = 256;
    private static readonly DateOnly FirstBirth = new(1920, 1, 1);

    private readonly World _w;
    private readonly int[] _gridResidents;
    private readonly DateTime _created;

    private sealed record Member(string Name, DateOnly Birth, Gender Gender, Relation Relation, HouseholdTags Tags, string? Phone);

    private sealed record Draft(int Number, string Address, HouseholdTags Tags, string? Phone, Member[] Members, DateTime CreatedAt);

    public RowsHouseholds(World w)
    {
        _w = w;
        var s = w.Shape;
        var rng = w.Options.Stream("Households");
        var weights = s.Grids.Select(_ => 0.6 + (rng.NextDouble() * 0.8)).ToArray();
        var households = ProvinceShape.Apportion(s.Households, weights, null);
        _gridResidents = ProvinceShape.Apportion(Math.Max(s.Residents, s.Households), [.. households.Select(h => (double)h)], null);
        for (var g = 0; g < households.Length; g++)
        {
            _gridResidents[g] = Math.Max(_gridResidents[g], households[g]);
        }
        w.GridHouseholds = new int[s.Grids.Length + 1];
        for (var g = 0; g < households.Length; g++)
        {
            w.GridHouseholds[g + 1] = w.GridHouseholds[g] + households[g];
        }
        _created = w.Start.AddDays(-1).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
    }

    public int ResidentCount => _gridResidents.Sum();

    public IEnumerable<Household> Households()
    {
        var p = _w.Protector;
        foreach (var block in Enumerable.Range(0, _w.Shape.Grids.Length).Chunk(Block))
        {
            var rows = block.AsParallel().AsOrdered().SelectMany(g => Drafts(g).Select(d =>
            {
                var grid = _w.Shape.Grids[g];
                var phone = d.Phone is null ? default : p.ProtectAndHash(d.Phone);
                return new Household
                {
                    Id = _w.GridHouseholds[g] + d.Number, Code = $"{grid.Code}-{d.Number:0000}", Address = d.Address, AreaId = grid.Id, AreaPath = grid.Path,
                    Tags = d.Tags, PhoneCipher = phone.Cipher, PhoneHash = phone.Hash, PhoneMasked = d.Phone is null ? null : Mask.Phone(d.Phone),
                    MemberCount = d.Members.Length, CreatedAt = d.CreatedAt, Version = 1,
                };
            })).ToArray();
            foreach (var row in rows)
            {
                yield return row;
            }
        }
        foreach (var (g, grid) in _w.Shape.Grids.Index())
        {
            _w.CodeSeries["HH-" + grid.Code] = _w.GridHouseholds[g + 1] - _w.GridHouseholds[g];
        }
    }

    public IEnumerable<Resident> Residents()
    {
        var p = _w.Protector;
        var s = _w.Shape;
        var days = _w.End.DayNumber - FirstBirth.DayNumber + 2;
        var sequence = new ushort[s.Counties.Length * days];
        var nextId = 0;
        // For the look-up benchmark only: every thousandth ID number in the clear (synthetic residents), when asked for.
        using var sample = Environment.GetEnvironmentVariable("FENGQIAO_SAMPLE_IDS") is { Length: > 0 } path ? new StreamWriter(path) : null;
        foreach (var block in Enumerable.Range(0, s.Grids.Length).Chunk(Block))
        {
            var drafts = block.AsParallel().AsOrdered().Select(g => (Grid: g, Drafts: Drafts(g))).ToArray();
            var plain = new List<(Member M, int HouseholdId, string AreaPath, string Id, int ResidentId)>();
            foreach (var (g, list) in drafts)
            {
                var grid = s.Grids[g];
                var county = s.Communities[grid.Parent].Parent;
                county = s.Townships[county].Parent;
                var region = s.Counties[county].Code;
                foreach (var d in list)
                {
                    foreach (var m in d.Members)
                    {
                        // The sequence is unique per county and birth day (odd for men); a full day moves on to the next day.
                        var birth = m.Birth;
                        var slot = (county * days) + (birth.DayNumber - FirstBirth.DayNumber);
                        while (sequence[slot] >= 499)
                        {
                            birth = birth.AddDays(1);
                            slot++;
                        }
                        var n = (sequence[slot]++ * 2) + 1 + (m.Gender == Gender.Male ? 0 : 1);
                        var first17 = string.Concat(region, birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
                        var id = first17 + ChineseIdNumber.CheckChar(first17);
                        plain.Add((m with { Birth = birth }, _w.GridHouseholds[g] + d.Number, grid.Path, id, ++nextId));
                        if (nextId % 1000 == 0)
                        {
                            sample?.WriteLine(id);
                        }
                    }
                }
            }
            var rows = plain.AsParallel().AsOrdered().Select(x =>
            {
                var id = p.ProtectAndHash(x.Id);
                var phone = x.M.Phone is null ? default : p.ProtectAndHash(x.M.Phone);
                return new Resident
                {
                    Id = x.ResidentId, HouseholdId = x.HouseholdId, AreaPath = x.AreaPath, Name = x.M.Name, IdCipher = id.Cipher, IdHash = id.Hash,
                    IdMasked = Mask.IdNumber(x.Id), BirthDate = x.M.Birth, Gender = x.M.Gender, Relation = x.M.Relation, Tags = x.M.Tags,
                    PhoneCipher = phone.Cipher, PhoneHash = phone.Hash, PhoneMasked = x.M.Phone is null ? null : Mask.Phone(x.M.Phone), Version = 1,
                };
            }).ToArray();
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }

    /// <summary>The families of one grid, from the grid's own stream (a pure function of seed and grid).</summary>
    private List<Draft> Drafts(int g)
    {
        var rng = new Random(unchecked((_w.Options.Seed * 7919) + (g * 104729) + 11));
        var grid = _w.Shape.Grids[g];
        var community = _w.Shape.Communities[grid.Parent];
        var count = _w.GridHouseholds[g + 1] - _w.GridHouseholds[g];
        var sizes = new int[count];
        Array.Fill(sizes, 1);
        for (var extra = Math.Min(_gridResidents[g] - count, 7 * count); extra > 0;)
        {
            var h = rng.Next(count);
            if (sizes[h] < 8)
            {
                sizes[h]++;
                extra--;
            }
        }
        var road = JilinPlaces.Roads[rng.Next(JilinPlaces.Roads.Length)];
        var building = rng.Next(1, 60);
        var drafts = new List<Draft>(count);
        for (var h = 0; h < count; h++)
        {
            var address = community.Urban
                ? $"{community.NameZh}{road}{building + (h / 24)}号楼{(h / 8 % 3) + 1}单元{(h % 8 / 2) + 1}0{(h % 2) + 1}室"
                : $"{community.NameZh}{(h / 30) + 1}组{(h % 30) + 1}号";
            drafts.Add(Family(rng, h + 1, sizes[h], address));
        }
        return drafts;
    }

    private Draft Family(Random rng, int number, int size, string address)
    {
        var end = _w.End;
        var headAge = size == 1 ? rng.Next(22, 90) : rng.Next(25, 80);
        var headGender = rng.Next(3) == 0 ? Gender.Female : Gender.Male;
        var members = new Member[size];
        var rental = rng.NextDouble() < 0.10;
        var head = World.NameOf(rng);
        members[0] = new Member(head, Birth(rng, end, headAge), headGender, Relation.Head, HouseholdTags.None, rng.NextDouble() < 0.85 ? World.Mobile(rng) : null);
        for (var i = 1; i < size; i++)
        {
            var relation = i == 1 ? Relation.Spouse : rental && i == size - 1 ? Relation.Tenant : headAge > 62 && rng.Next(2) == 0 ? Relation.Grandchild
                : rng.Next(12) == 0 ? Relation.Parent : Relation.Child;
            var age = relation switch
            {
                Relation.Spouse => Math.Clamp(headAge + rng.Next(-5, 6), 20, 100),
                Relation.Parent => Math.Min(100, headAge + rng.Next(22, 32)),
                Relation.Grandchild => rng.Next(0, Math.Max(1, headAge - 44)),
                Relation.Tenant => rng.Next(20, 45),
                _ => rng.Next(0, Math.Max(1, headAge - 21)),
            };
            var gender = relation == Relation.Spouse ? (Gender)(1 - (int)headGender) : (Gender)rng.Next(2);
            var other = World.NameOf(rng);
            var name = relation is Relation.Child or Relation.Grandchild ? head[..1] + other[1..] : other;
            var own = age < 16 && rng.NextDouble() < 0.05 ? HouseholdTags.LeftBehindChild : HouseholdTags.None;
            members[i] = new Member(name, Birth(rng, end, age), gender, relation, own, age >= 18 && rng.NextDouble() < 0.5 ? World.Mobile(rng) : null);
        }
        var extra = HouseholdTags.None;
        if (size == 1 && headAge >= 65)
        {
            extra |= HouseholdTags.ElderlyAlone;
        }
        extra |= rng.NextDouble() < 0.03 ? HouseholdTags.LowIncome : HouseholdTags.None;
        extra |= rng.NextDouble() < 0.02 ? HouseholdTags.Veteran : HouseholdTags.None;
        extra |= rng.NextDouble() < 0.01 ? HouseholdTags.SpecialCare : HouseholdTags.None;
        members[0] = members[0] with { Tags = extra };
        if (rng.NextDouble() < 0.02)
        {
            var who = rng.Next(size);
            members[who] = members[who] with { Tags = members[who].Tags | HouseholdTags.Disability };
        }
        var tags = members.Aggregate(rental ? HouseholdTags.Rental : HouseholdTags.None, (t, m) => t | m.Tags);
        var phone = members[0].Phone ?? members.FirstOrDefault(m => m.Phone is not null)?.Phone;
        return new Draft(number, address, tags, phone, members, _created.AddDays(-rng.Next(0, 3000)));
    }

    private static DateOnly Birth(Random rng, DateOnly end, int age)
    {
        var birth = end.AddYears(-age).AddDays(-rng.Next(0, 365));
        return birth < FirstBirth ? FirstBirth.AddDays(rng.Next(0, 365)) : birth;
    }
}
