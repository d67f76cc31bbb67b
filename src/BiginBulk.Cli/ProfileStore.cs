using System.Text.Json;
using System.Text.Json.Serialization;

namespace BiginBulk.Cli;

/// <summary>
/// The profiles file: <c>$XDG_CONFIG_HOME/biginbulk/config.json</c> (<c>~/.config/…</c>; <c>%APPDATA%</c> on
/// Windows), or <c>BIGINBULK_CONFIG</c>. It holds secrets, so it is created with mode 0600 in a 0700 folder.
/// </summary>
internal sealed class ProfileStore(string path)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Path { get; } = path;

    public static ProfileStore For(CliConsole console) => new(console.GetEnvironment("BIGINBULK_CONFIG")
        ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "biginbulk", "config.json"));

    public async Task<Profile?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(cancellationToken);
        return file.Profiles.TryGetValue(name, out var profile) ? profile : null;
    }

    public async Task SaveAsync(string name, Profile profile, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(cancellationToken);
        file.Profiles[name] = profile;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(Path, options))
        {
            await JsonSerializer.SerializeAsync(stream, file, Json, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only: an older, looser file is tightened too.
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private async Task<ProfilesFile> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return new ProfilesFile();
        }

        await using var stream = File.OpenRead(Path);
        try
        {
            return await JsonSerializer.DeserializeAsync<ProfilesFile>(stream, Json, cancellationToken) ?? new ProfilesFile();
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{Path} is not a valid profiles file: {e.Message}");
        }
    }

    private sealed class ProfilesFile
    {
        [JsonPropertyName("profiles")]
        public Dictionary<string, Profile> Profiles { get; init; } = new(StringComparer.Ordinal);
    }
}
