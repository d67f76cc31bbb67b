using System.Data.Common;
using BiginBulk.Storage.Auth;

namespace BiginBulk.Storage.Tests.Compliance;

/// <summary>Orgs, users, OAuth clients and tokens: the data that spans orgs.</summary>
public abstract class SystemStoreCompliance(StoreEngine engine) : StoreComplianceTests(engine)
{
    [Fact]
    public async Task Org_round_trips_and_unknown_org_is_null()
    {
        var org = new Org(NewId(), "Zylker — Bücher & Co", T0);
        await System.CreateOrgAsync(org);

        Assert.Equal(org, await System.GetOrgAsync(org.Id));
        Assert.Null(await System.GetOrgAsync(NewId()));
    }

    [Fact]
    public async Task Orgs_are_listed_in_id_order()
    {
        // Created in reverse id order: the list must sort them.
        var (lowId, highId) = (NewId(), NewId());
        var later = new Org(highId, "Later", T0);
        var earlier = new Org(lowId, "Earlier", T0.AddDays(1));
        await System.CreateOrgAsync(later);
        await System.CreateOrgAsync(earlier);

        var ours = (await System.ListOrgsAsync()).Where(o => o.Id == later.Id || o.Id == earlier.Id).ToList();

        Assert.Equal([earlier, later], ours);
    }

    [Fact]
    public async Task A_second_org_with_the_same_id_is_refused()
    {
        var org = new Org(NewId(), "First", T0);
        await System.CreateOrgAsync(org);

        await Assert.ThrowsAnyAsync<DbException>(() => System.CreateOrgAsync(org with { Name = "Second" }));
        Assert.Equal("First", (await System.GetOrgAsync(org.Id))!.Name);
    }

    [Fact]
    public async Task Users_round_trip_and_are_listed_per_org_in_id_order()
    {
        var org = (await NewOrgAsync()).OrgId;
        var other = (await NewOrgAsync()).OrgId;
        var (lowId, highId) = (NewId(), NewId());
        var second = new User(highId, org, "bob@example.com", null, "Stone", "Standard");
        var first = new User(lowId, org, "Ann.Lee@Example.com", "Ann", "Lee", "Administrator");
        var elsewhere = new User(NewId(), other, "carl@example.com", "Carl", "Ng", "Standard");
        await System.CreateUserAsync(second);
        await System.CreateUserAsync(first);
        await System.CreateUserAsync(elsewhere);

        Assert.Equal(first, await System.GetUserAsync(first.Id));
        Assert.Equal(second, await System.GetUserAsync(second.Id));
        Assert.Null(await System.GetUserAsync(NewId()));
        Assert.Equal([first, second], await System.ListUsersAsync(org));
        Assert.Equal([elsewhere], await System.ListUsersAsync(other));
    }

    [Fact]
    public async Task Org_time_zone_and_currency_round_trip()
    {
        var org = new Org(NewId(), "Zylker GmbH", T0, "Europe/Berlin", "EUR");
        await System.CreateOrgAsync(org);

        Assert.Equal(org, await System.GetOrgAsync(org.Id));
        var plain = new Org(NewId(), "Defaults", T0);
        await System.CreateOrgAsync(plain);
        var stored = await System.GetOrgAsync(plain.Id);
        Assert.Equal("UTC", stored!.TimeZone);
        Assert.Equal("USD", stored.Currency);
    }

    [Fact]
    public async Task User_role_status_time_zone_and_locale_round_trip_and_update_replaces_them()
    {
        var org = (await NewOrgAsync()).OrgId;
        var user = new User(NewId(), org, "ann@example.com", "Ann", "Lee", "Standard", "Manager", UserStatuses.Active, "Asia/Kolkata", "en_GB");
        await System.CreateUserAsync(user);
        Assert.Equal(user, await System.GetUserAsync(user.Id));

        var changed = user with { FirstName = null, LastName = "Lee-Jones", Profile = "Read Only", Role = "CEO", Status = UserStatuses.Disabled, TimeZone = "UTC", Locale = "de_DE" };
        Assert.True(await System.UpdateUserAsync(changed));
        Assert.Equal(changed, await System.GetUserAsync(user.Id));
        Assert.Equal([changed], await System.ListUsersAsync(org));

        // An update names its org: a user id of another org, or an unknown id, changes nothing.
        Assert.False(await System.UpdateUserAsync(changed with { OrgId = (await NewOrgAsync()).OrgId, LastName = "Intruder" }));
        Assert.False(await System.UpdateUserAsync(changed with { Id = NewId() }));
        Assert.Equal("Lee-Jones", (await System.GetUserAsync(user.Id))!.LastName);
    }

    [Fact]
    public async Task User_email_is_unique_per_org_ignoring_case()
    {
        var org = (await NewOrgAsync()).OrgId;
        var other = (await NewOrgAsync()).OrgId;
        await System.CreateUserAsync(new User(NewId(), org, "ann@example.com", "Ann", "Lee", "Administrator"));

        await Assert.ThrowsAnyAsync<DbException>(() =>
            System.CreateUserAsync(new User(NewId(), org, "ANN@Example.COM", "Ann", "Other", "Standard")));
        await System.CreateUserAsync(new User(NewId(), other, "ann@example.com", "Ann", "Lee", "Administrator"));

        Assert.Single(await System.ListUsersAsync(org));
        Assert.Single(await System.ListUsersAsync(other));
    }

    [Fact]
    public async Task Clients_round_trip_with_and_without_a_user_and_list_by_name()
    {
        var org = (await NewOrgAsync()).OrgId;
        var owned = new OAuthClient($"1000.{NewId()}", "sha256:abc", org, "Zeta sync", AuditUser);
        var plain = new OAuthClient($"1000.{NewId()}", "sha256:def", org, "Alpha import");
        await System.CreateClientAsync(owned);
        await System.CreateClientAsync(plain);

        Assert.Equal(owned, await System.GetClientAsync(owned.ClientId));
        Assert.Equal(plain, await System.GetClientAsync(plain.ClientId));
        Assert.Null(await System.GetClientAsync("1000.unknown"));
        Assert.Equal([plain, owned], await System.ListClientsAsync(org));
        Assert.Empty(await System.ListClientsAsync((await NewOrgAsync()).OrgId));
    }

    [Fact]
    public async Task Token_round_trips_every_field()
    {
        var org = (await NewOrgAsync()).OrgId;
        var token = new TokenRecord(
            $"hash-{NewId()}", TokenKind.Access, "1000.client", org, AuditUser,
            ["ZohoBigin.bulk.ALL", "ZohoBigin.modules.contacts.READ"], T0.AddHours(1), Revoked: false, ParentHash: "parent-hash");
        await System.StoreTokenAsync(token);

        var found = await System.FindTokenAsync(token.TokenHash);

        Assert.NotNull(found);
        Assert.Equal(token.TokenHash, found.TokenHash);
        Assert.Equal(TokenKind.Access, found.Kind);
        Assert.Equal("1000.client", found.ClientId);
        Assert.Equal(org, found.OrgId);
        Assert.Equal(AuditUser, found.UserId);
        Assert.Equal(token.Scopes, found.Scopes);
        Assert.Equal(T0.AddHours(1), found.ExpiresTime);
        Assert.False(found.Revoked);
        Assert.Equal("parent-hash", found.ParentHash);
    }

    [Fact]
    public async Task Token_without_expiry_or_parent_round_trips_nulls()
    {
        var org = (await NewOrgAsync()).OrgId;
        var token = new TokenRecord($"hash-{NewId()}", TokenKind.Refresh, "1000.client", org, AuditUser, ["ZohoBigin.bulk.ALL"], null, false);
        await System.StoreTokenAsync(token);

        var found = await System.FindTokenAsync(token.TokenHash);

        Assert.NotNull(found);
        Assert.Equal(TokenKind.Refresh, found.Kind);
        Assert.Null(found.ExpiresTime);
        Assert.Null(found.ParentHash);
        Assert.Null(await System.FindTokenAsync($"hash-{NewId()}"));
    }

    [Fact]
    public async Task Revoking_a_refresh_token_revokes_its_access_tokens_and_nothing_else()
    {
        var org = (await NewOrgAsync()).OrgId;
        var refresh = await StoreAsync(org, TokenKind.Refresh, null);
        var access1 = await StoreAsync(org, TokenKind.Access, refresh);
        var access2 = await StoreAsync(org, TokenKind.Access, refresh);
        var otherRefresh = await StoreAsync(org, TokenKind.Refresh, null);
        var otherAccess = await StoreAsync(org, TokenKind.Access, otherRefresh);

        Assert.Equal(3, await System.RevokeTokenAsync(refresh));

        Assert.True((await System.FindTokenAsync(refresh))!.Revoked);
        Assert.True((await System.FindTokenAsync(access1))!.Revoked);
        Assert.True((await System.FindTokenAsync(access2))!.Revoked);
        Assert.False((await System.FindTokenAsync(otherRefresh))!.Revoked);
        Assert.False((await System.FindTokenAsync(otherAccess))!.Revoked);
    }

    [Fact]
    public async Task Revoke_counts_only_tokens_that_were_live()
    {
        var org = (await NewOrgAsync()).OrgId;
        var refresh = await StoreAsync(org, TokenKind.Refresh, null);
        var access = await StoreAsync(org, TokenKind.Access, refresh);

        Assert.Equal(1, await System.RevokeTokenAsync(access));
        Assert.False((await System.FindTokenAsync(refresh))!.Revoked);
        Assert.Equal(1, await System.RevokeTokenAsync(refresh));
        Assert.Equal(0, await System.RevokeTokenAsync(refresh));
        Assert.Equal(0, await System.RevokeTokenAsync($"hash-{NewId()}"));
    }

    [Fact]
    public async Task A_revoked_grant_code_stays_revoked()
    {
        var org = (await NewOrgAsync()).OrgId;
        var code = await StoreAsync(org, TokenKind.GrantCode, null);

        Assert.Equal(1, await System.RevokeTokenAsync(code));
        Assert.Equal(0, await System.RevokeTokenAsync(code));

        var found = await System.FindTokenAsync(code);
        Assert.NotNull(found);
        Assert.Equal(TokenKind.GrantCode, found.Kind);
        Assert.True(found.Revoked);
    }

    private async Task<string> StoreAsync(long org, TokenKind kind, string? parent)
    {
        var hash = $"hash-{NewId()}";
        await System.StoreTokenAsync(new TokenRecord(hash, kind, "1000.client", org, AuditUser, ["ZohoBigin.bulk.ALL"], T0.AddHours(1), false, parent));
        return hash;
    }
}
