using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Tests.Infrastructure;

/// <summary>Finds demo records by what the article calls them, so tests never depend on generated ids.</summary>
public static class DemoFacts
{
    public static async Task<PersonDto> PersonAsync(HttpClient admin, string nameZh)
    {
        var page = await admin.PageAsync<PersonDto>($"/api/people?q={Uri.EscapeDataString(nameZh)}");
        return Assert.Single(page.Items, p => p.NameZh == nameZh);
    }

    public static async Task<UnitDto> UnitAsync(HttpClient admin, string nameZh)
    {
        var page = await admin.PageAsync<UnitDto>($"/api/units?q={Uri.EscapeDataString(nameZh)}");
        return Assert.Single(page.Items, u => u.NameZh == nameZh);
    }
}
