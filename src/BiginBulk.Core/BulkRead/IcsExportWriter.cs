using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace BiginBulk.Core.BulkRead;

/// <summary>
/// Writes Events as an RFC 5545 calendar (Bigin's <c>file_type: "ics"</c>): one VEVENT per event with its
/// record id as UID, start/end (all-day events as dates), summary, location and description. ICS exports
/// are capped at 20,000 events, so the calendar is built whole and serialized by Ical.Net.
/// </summary>
public sealed class IcsExportWriter
{
    private readonly Ical.Net.Calendar _calendar = new() { ProductId = "-//BiginBulk//Bulk Read//EN" };

    public int EventsWritten { get; private set; }

    public void Add(long id, string? title, DateTimeOffset? start, DateTimeOffset? end, bool allDay, string? venue, string? description)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = id.ToString(CultureInfo.InvariantCulture) + "@biginbulk",
            Summary = title,
            Location = venue,
            Description = description,
        };
        if (start is { } from)
        {
            calendarEvent.DtStart = allDay ? new CalDateTime(DateOnly.FromDateTime(from.UtcDateTime)) : new CalDateTime(from.UtcDateTime, CalDateTime.UtcTzId);
        }

        if (end is { } to)
        {
            // RFC 5545: an all-day event's DTEND is the day after its last day.
            calendarEvent.DtEnd = allDay
                ? new CalDateTime(DateOnly.FromDateTime(to.UtcDateTime).AddDays(1))
                : new CalDateTime(to.UtcDateTime, CalDateTime.UtcTzId);
        }

        _calendar.Events.Add(calendarEvent);
        EventsWritten++;
    }

    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var text = new CalendarSerializer().SerializeToString(_calendar) ?? string.Empty;
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
