namespace BiginBulk.Client.Tests.Infrastructure;

/// <summary>Zoho's documented answers (Bigin API pages' sample responses), for the stub transport.</summary>
public static class ZohoAnswers
{
    public const string Token = """{"access_token":"1000.fresh.token","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}""";

    public const string Uploaded = """{"status":"success","code":"FILE_UPLOAD_SUCCESS","message":"file uploaded.","details":{"file_id":"111111000000541958","created_time":"2019-05-09T14:01:24+05:30"}}""";

    public const string WriteCreated = """{"status":"success","code":"SUCCESS","message":"success","details":{"id":"111111000000541958","created_by":{"id":"111111000000035795","name":"Patricia Boyle "}}}""";

    public const string ReadCreated = """{"data":[{"status":"success","code":"ADDED_SUCCESSFULLY","message":"Added successfully.","details":{"id":"554023000000568002","operation":"read","state":"ADDED","created_by":{"id":"554023000000235011","name":"Patricia Boyle"},"created_time":"2019-05-09T14:01:24+05:30"}}],"info":{}}""";

    public const string Modules = """{"modules":[{"api_name":"Contacts","singular_label":"Contact","plural_label":"Contacts"}]}""";

    public const string InvalidToken = """{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""";
}
