using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace BiginBulk.Cli.Commands;

/// <summary><c>biginbulk fields MODULE</c> and <c>biginbulk modules</c>.</summary>
internal static class MetadataCommands
{
    public static Command Fields(Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var module = new Argument<string>("MODULE") { Description = "The module, e.g. Contacts." };
        var command = new Command("fields", "List a module's fields (custom fields included).") { module };
        command.SetAction(run(async (context, cancellationToken) =>
        {
            using var client = await context.CreateClientAsync(cancellationToken);
            var fields = await client.GetFieldsAsync(context.Parse.GetValue(module)!, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
                    {
                        ["api_name"] = f.ApiName, ["label"] = f.Label, ["data_type"] = f.DataType,
                        ["mandatory"] = f.Mandatory, ["read_only"] = f.ReadOnly, ["custom"] = f.Custom,
                    })]),
                });
            }
            else
            {
                var table = new Table().AddColumns("api_name", "label", "type", "mandatory", "read only", "custom");
                foreach (var f in fields)
                {
                    table.AddRow(Markup.Escape(f.ApiName), Markup.Escape(f.Label ?? ""), f.DataType ?? "", Flag(f.Mandatory), Flag(f.ReadOnly), Flag(f.Custom));
                }

                context.Human.Write(table);
            }

            return ExitCode.Success;
        }));
        return command;
    }

    public static Command Modules(Func<Func<CommandContext, CancellationToken, Task<ExitCode>>, Func<ParseResult, CancellationToken, Task<int>>> run)
    {
        var command = new Command("modules", "List the org's modules.");
        command.SetAction(run(async (context, cancellationToken) =>
        {
            using var client = await context.CreateClientAsync(cancellationToken);
            var modules = await client.GetModulesAsync(cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["modules"] = new JsonArray([.. modules.Select(m => (JsonNode)new JsonObject
                    {
                        ["api_name"] = m.ApiName, ["singular_label"] = m.SingularLabel, ["plural_label"] = m.PluralLabel,
                    })]),
                });
            }
            else
            {
                var table = new Table().AddColumns("api_name", "singular", "plural");
                foreach (var m in modules)
                {
                    table.AddRow(Markup.Escape(m.ApiName), Markup.Escape(m.SingularLabel ?? ""), Markup.Escape(m.PluralLabel ?? ""));
                }

                context.Human.Write(table);
            }

            return ExitCode.Success;
        }));
        return command;
    }

    private static string Flag(bool value) => value ? "yes" : "";
}
