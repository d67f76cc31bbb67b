using System.Globalization;
using System.Text;

namespace BiginBulk.Bench;

/// <summary>
/// Deterministic synthetic contacts: the same seed and index give the same row on every machine
/// (<see cref="Random"/> with a seed keeps its legacy, stable sequence). Every row has a unique email
/// derived from its index, so files built from disjoint index ranges never collide. About 27% of the
/// emails keep their accents (chloé.garcía.12@…), the case that once cost PostgreSQL a flush per row.
/// </summary>
internal sealed class ContactGenerator(int seed)
{
    public static readonly string[] Columns =
    [
        "First_Name", "Last_Name", "Email", "Phone", "Mobile", "Title", "Mailing_Street", "Mailing_City",
        "Mailing_Country", "Description", "Email_Opt_Out", "Lead_Source", "Date_of_Birth",
    ];

    private static readonly string[] FirstNames =
    [
        "Chloé", "José", "Zoë", "Ana", "Søren", "Łukasz", "François", "Ada", "Grace", "Liam", "Noémie", "Björn",
        "Inés", "Mateo", "Olivia", "Jürgen", "Aoife", "Ömer", "Emma", "Raúl", "Hélène", "Kenji", "Priya", "Tomás",
    ];

    private static readonly string[] LastNames =
    [
        "García", "Núñez", "O'Brien", "Dvořák", "Smith", "Johnson", "Nguyen", "Østergaard", "Kowalski", "Lefèvre",
        "Müller", "Rossi", "Jensen", "Martín", "Byrne", "Silva", "Yılmaz", "Dubois", "Novák", "Walker",
    ];

    private static readonly string[] Domains = ["example.com", "exemple.fr", "beispiel.de", "ejemplo.es", "example.org"];

    private static readonly string[] Cities = ["Paris", "Zürich", "São Paulo", "Kraków", "Dublin", "Montréal", "Austin", "Malmö"];

    private static readonly string[] Countries = ["France", "Switzerland", "Brazil", "Poland", "Ireland", "Canada", "USA", "Sweden"];

    private static readonly string[] Titles = ["CEO", "Head of Sales", "Buyer, Procurement", "CTO", "Office \"Manager\"", "Engineer"];

    private static readonly string[] Sources =
    [
        "Advertisement", "Cold Call", "Employee Referral", "External Referral", "Online Store", "Partner",
        "Public Relations", "Seminar Partner", "Trade Show", "Web Download", "Web Research", "Chat",
    ];

    /// <summary>The contact with this index; <paramref name="variant"/> changes the non-key columns (upsert updates).</summary>
    public string[] Contact(int index, int variant = 0)
    {
        // Not HashCode.Combine: it is randomised per process, and the data must be the same on every run.
        var random = new Random(unchecked((seed * 31) ^ (index * (int)0x9E3779B1) ^ (variant * 0x3C6EF372)));
        var first = Pick(random, FirstNames);
        var last = Pick(random, LastNames);
        var accented = random.NextDouble() < 0.27;
        var email = string.Create(CultureInfo.InvariantCulture, $"{EmailPart(first, accented)}.{EmailPart(last, accented)}.{index}@{Domains[index % Domains.Length]}");
        var city = random.Next(Cities.Length);
        var street = random.Next(4) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 300)}, rue de l'Église\nBâtiment {(char)('A' + random.Next(6))}")
            : string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 9999)} Main Street");
        var description = random.Next(3) switch
        {
            0 => "",
            1 => string.Create(CultureInfo.InvariantCulture, $"Met at the \"{Pick(random, Sources)}\" stand, asked about pricing, follow-up in Q{random.Next(1, 5)}."),
            _ => string.Create(CultureInfo.InvariantCulture, $"Notes, variant {variant}:\nprefers email; \"no calls\" before 10:00,\nbudget ≈ {random.Next(1, 500)} k€"),
        };
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000));
        return
        [
            first,
            last,
            email,
            string.Create(CultureInfo.InvariantCulture, $"+1 ({random.Next(200, 999)}) 555-{random.Next(0, 10_000):D4}"),
            random.Next(2) == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"+33 6 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}"),
            Pick(random, Titles),
            street,
            Cities[city],
            Countries[city],
            description,
            random.Next(5) == 0 ? "true" : "false",
            Pick(random, Sources),
            birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>A company name for lookups by name: unique per index, with commas, ampersands and accents.</summary>
    public static string AccountName(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{LastNames[index % LastNames.Length]} & Fils, Société {index}");

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>Letters only, lower case; without accents unless <paramref name="accented"/> (ø, ł, ı fold to nothing).</summary>
    private static string EmailPart(string name, bool accented)
    {
        var text = accented ? name : name.Normalize(NormalizationForm.FormD);
        var part = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c) && (accented || c < 128))
            {
                part.Append(char.ToLowerInvariant(c));
            }
        }

        return part.ToString();
    }
}
