using System.Text.Json.Nodes;
using BiginBulk.Core.BulkRead;
using BiginBulk.Core.Errors;
using BiginBulk.Core.Modules;
using BiginBulk.Core.Search;
using BiginBulk.Server.Auth;
using BiginBulk.Server.Http;
using BiginBulk.Storage;
using BiginBulk.Storage.Auth;
using BiginBulk.Storage.Records;

namespace BiginBulk.Server.Endpoints;

/// <summary>
/// <c>GET /bigin/v2/{module}/search</c> (also <c>/crm/v{n}/…</c>) with exactly one of <c>criteria</c>, <c>email</c>,
/// <c>phone</c> or <c>word</c>. Every form compiles to the bulk read <see cref="Criteria"/> tree and runs through the
/// stores' export query, so search sees exactly what bulk read sees. 204 with no body when nothing matches.
/// </summary>
internal static class SearchEndpoints
{
    /// <summary>Zoho's search API pages through at most the first 2,000 matches.</summary>
    private const int MaxReachable = 2000;

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in RestRoutes.Prefixes)
        {
            // The same constrained {module} as the record routes: an unconstrained one would rank below theirs,
            // and …/{module}/{id} would take "search" for a record id.
            app.MapGet(prefix + RecordEndpoints.ModuleSegment + "/search", SearchAsync).RequireZohoAuth();
        }
    }

    private static async Task<IResult> SearchAsync(HttpContext http, AuthContext auth, string module, IOrgStoreProvider stores, IOrgDirectory system)
    {
        var store = stores.For(auth.OrgId);
        var catalog = await store.GetCatalogAsync(http.RequestAborted);
        var definition = RecordEndpoints.FindReadableModule(auth, catalog, module);
        var criteria = ReadCriteria(http.Request, definition, catalog);
        var page = QueryParameters.ReadInt(http.Request, "page", 1, 1, int.MaxValue);
        var perPage = QueryParameters.ReadInt(http.Request, "per_page", 200, 1, 200);
        var offset = (long)(page - 1) * perPage;
        if (offset + perPage > MaxReachable)
        {
            throw new ZohoErrorException(new ZohoError(400, "LIMIT_REACHED", $"search results are limited to the first {MaxReachable} records.",
                new JsonObject { ["param_name"] = "page", ["max_limit"] = MaxReachable }));
        }

        if (criteria is null)
        {
            return Results.NoContent();
        }

        var fields = definition.Fields.Where(f => f.ApiName != SystemFields.Id).ToList();
        var query = new ExportQuery(definition, [.. fields.Select(f => new FieldPath { ApiName = f.ApiName, Field = f })], criteria, offset, perPage);
        var records = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var row in store.ExportAsync(query, http.RequestAborted))
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal) { [SystemFields.Id] = row[fields.Count] };
            for (var i = 0; i < fields.Count; i++)
            {
                record[fields[i].ApiName] = row[i];
            }

            records.Add(record);
        }

        if (records.Count == 0)
        {
            return Results.NoContent();
        }

        var more = await store.HasRecordsBeyondAsync(query, http.RequestAborted);
        var renderer = await RecordEndpoints.CreateRendererAsync(definition, catalog, records, store, system, auth.OrgId, http.RequestAborted);
        return new ZohoJsonResult(200, new JsonObject
        {
            ["data"] = new JsonArray([.. records.Select(r => (JsonNode)renderer.Render(definition, r, fields))]),
            ["info"] = new JsonObject { ["per_page"] = perPage, ["count"] = records.Count, ["page"] = page, ["more_records"] = more },
        });
    }

    /// <summary>The one search parameter given, as criteria; null when the module has no field it could match.</summary>
    private static Criteria? ReadCriteria(HttpRequest request, ModuleDefinition module, ModuleCatalog catalog)
    {
        string[] names = ["criteria", "email", "phone", "word"];
        var given = names.Where(n => !string.IsNullOrEmpty(request.Query[n].ToString())).ToList();
        if (given.Count != 1)
        {
            throw new ZohoErrorException(new ZohoError(400, "REQUIRED_PARAM_MISSING",
                given.Count == 0 ? "one of the parameters criteria, email, phone, word is required." : "give only one of criteria, email, phone, word.",
                new JsonObject { ["param_name"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) }));
        }

        var value = request.Query[given[0]].ToString();
        return given[0] switch
        {
            "criteria" => SearchCriteriaParser.Parse(value, module, catalog.Find),
            "email" => AnyOf(module, FieldType.Email, Comparator.Equal, value),
            "phone" => AnyOf(module, FieldType.Phone, Comparator.Equal, value),
            _ => Word(module, value),
        };
    }

    /// <summary><c>word</c>: records with the word in any text field (Zoho asks for at least two characters).</summary>
    private static Criteria? Word(ModuleDefinition module, string word)
    {
        if (word.Trim().Length < 2 || word.Length > CriteriaParser.MaxTextLength)
        {
            throw new ZohoErrorException(new ZohoError(400, SearchCriteriaParser.InvalidQuery, "invalid query formed",
                new JsonObject { ["param_name"] = "word", ["reason"] = $"word must be from 2 to {CriteriaParser.MaxTextLength} characters." }));
        }

        return AnyOf(module, FieldType.Text, Comparator.Contains, word.Trim(), FieldType.TextArea, FieldType.Email, FieldType.Phone, FieldType.Website, FieldType.Picklist);
    }

    private static Criteria? AnyOf(ModuleDefinition module, FieldType type, Comparator comparator, string value, params FieldType[] moreTypes)
    {
        var conditions = module.Fields
            .Where(f => f.Type == type || moreTypes.Contains(f.Type))
            .Select(f => (Criteria)new CriteriaCondition(new FieldPath { ApiName = f.ApiName, Field = f }, comparator, [value], false))
            .ToList();
        return conditions.Count switch
        {
            0 => null,
            1 => conditions[0],
            _ => new CriteriaGroup(GroupOperator.Or, conditions),
        };
    }
}
