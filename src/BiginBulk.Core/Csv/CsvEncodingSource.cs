namespace BiginBulk.Core.Csv;

/// <summary>How <see cref="CsvEncodingDetector"/> arrived at an encoding; useful in logs and tests.</summary>
public enum CsvEncodingSource
{
    /// <summary>The job's <c>character_encoding</c> named it.</summary>
    Explicit,

    /// <summary>The file starts with a byte order mark.</summary>
    ByteOrderMark,

    /// <summary>Zero bytes at every other position: UTF-16 saved without a byte order mark.</summary>
    Utf16Pattern,

    /// <summary>The sample is valid UTF-8 (plain ASCII included).</summary>
    ValidUtf8,

    /// <summary>UTF.Unknown's statistical detector recognised a legacy encoding.</summary>
    Detected,

    /// <summary>Nothing was conclusive: windows-1252, what Excel writes on Western systems.</summary>
    Fallback,
}
