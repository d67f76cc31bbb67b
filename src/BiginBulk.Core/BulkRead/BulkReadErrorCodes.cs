namespace BiginBulk.Core.BulkRead;

/// <summary>
/// The codes a create-bulk-read-job request is refused with. Only codes that SDK8's
/// <c>BulkRead.APIException</c> lists are used: the SDK picks the response class by matching <c>code</c>
/// against that list, so a code outside it (bulk write's <c>INVALID_DATA</c>) would not parse as an error.
/// </summary>
public static class BulkReadErrorCodes
{
    /// <summary>Wrong JSON types, bad <c>page</c>, <c>fields</c> with ICS, an unknown <c>cvid</c>.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>No body at all.</summary>
    public const string RequestBodyIsEmpty = "REQUEST_BODY_IS_EMPTY";

    /// <summary><c>query</c> or <c>query.module</c> is missing.</summary>
    public const string MandatoryNotFound = "MANDATORY_NOT_FOUND";

    public const string ModuleNotAvailable = "MODULE_NOT_AVAILABLE";

    /// <summary>ICS export asked for a module other than Events.</summary>
    public const string ModuleNotSupported = "MODULE_NOT_SUPPORTED";

    /// <summary>A name in <c>fields</c> is not a field (or dot field) of the module.</summary>
    public const string FieldNotAvailable = "FIELD_NOT_AVAILABLE";

    public const string InvalidCriteria = "INVALID_CRITERIA";

    /// <summary>A criteria node is both a group and a condition.</summary>
    public const string AmbiguousCriteria = "AMBIGUOUS_CRITERIA";

    public const string CriteriaLimitExceeded = "CRITERIA_LIMIT_EXCEEDED";

    /// <summary>A text value in criteria longer than the 255 characters Zoho's table allows.</summary>
    public const string ValueLimitExceededInCriteria = "VALUE_LIMIT_EXCEEDED_IN_CRITERIA";

    /// <summary>A custom view that exists but belongs to another module.</summary>
    public const string CvidNotSupported = "CVID_NOT_SUPPORTED";

    public const string InvalidCallbackUrl = "INVALID_CALLBACK_URL";

    public const string InvalidCallbackMethod = "INVALID_CALLBACK_METHOD";
}
