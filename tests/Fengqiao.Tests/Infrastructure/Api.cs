using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fengqiao.Infrastructure.Web;

namespace Fengqiao.Tests.Infrastructure;

/// <summary>Small helpers for reading the JSON API the way a client would.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static Task<Page<T>> PageAsync<T>(this HttpClient client, string url) => client.GetJsonAsync<Page<T>>(url);

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    /// <summary>The field errors of a 400 ValidationProblem, by field name.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync();
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }
}
