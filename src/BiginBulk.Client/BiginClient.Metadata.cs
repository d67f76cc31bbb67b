using System.Text.Json;

namespace BiginBulk.Client;

public sealed partial class BiginClient
{
    /// <summary>The org's modules.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<BiginModule>> GetModulesAsync(CancellationToken cancellationToken = default)
    {
        var json = await SendJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Options.Endpoints.ApiPath("/bigin/v2/settings/modules")), cancellationToken);
        return [.. Items(json, "modules").Select(m => new BiginModule(m.String("api_name") ?? "", m.String("singular_label"), m.String("plural_label")))];
    }

    /// <summary>A module's fields, custom fields included.</summary>
    /// <param name="module">The module's API name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<BiginField>> GetFieldsAsync(string module, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        var json = await SendJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Options.Endpoints.ApiPath("/bigin/v2/settings/fields?module=" + Uri.EscapeDataString(module))),
            cancellationToken);
        return [.. Items(json, "fields").Select(f => new BiginField(
            f.String("api_name") ?? "", f.String("field_label"), f.String("data_type"),
            f.Bool("system_mandatory"), f.Bool("read_only"), f.Bool("custom_field")))];
    }

    private static List<JsonElement> Items(JsonElement json, string name)
    {
        var array = json.Child(name);
        return array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];
    }
}
