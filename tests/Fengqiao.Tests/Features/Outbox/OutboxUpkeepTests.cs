using Fengqiao.Features.Outbox;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fengqiao.Tests.Features.Outbox;

/// <summary>Quiet hours and the retention period: what the worker holds back, and what it forgets.</summary>
public sealed partial class OutboxLoopTests
{
    private OutboxOptions Options => app.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;

    [Fact]
    public async Task AnSmsWaitsOutQuietHoursWithoutSpendingAnAttemptWhileWebhooksGoAtOnce()
    {
        var clock = app.Services.GetRequiredService<LocalClock>();
        var local = TimeOnly.FromDateTime(clock.ToLocal(DateTimeOffset.UtcNow).DateTime);
        var (from, until) = (Options.QuietFrom, Options.QuietUntil);
        // Quiet from an hour ago until an hour from now, local time (across midnight too).
        (Options.QuietFrom, Options.QuietUntil) = (local.AddHours(-1), local.AddHours(1));
        string code;
        try
        {
            code = await ReportAsync("zh-CN", email: null, phone: "13900003333");
            await DeliverAsync();
        }
        finally
        {
            (Options.QuietFrom, Options.QuietUntil) = (from, until);
        }
        Assert.DoesNotContain(app.Receiver.All, r => r.Path == "/sms" && r.Body.Contains(code, StringComparison.Ordinal));
        Assert.Contains(app.Receiver.All, r => r.Path == "/hook" && r.Body.Contains(code, StringComparison.Ordinal));

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var sms = await db.Set<OutboxMessage>().SingleAsync(m => m.Reference == code && m.Channel == OutboxChannel.Sms);
        Assert.Equal((OutboxState.Pending, 0), (sms.State, sms.Attempts));
        var expected = DateTimeOffset.UtcNow.AddHours(1);
        Assert.InRange(sms.DueAt, expected.AddMinutes(-2), expected.AddMinutes(2)); // when quiet hours end, not before

        // Once they are over, the message goes.
        await db.Set<OutboxMessage>().Where(m => m.Id == sms.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await DeliverAsync();
        Assert.Single(app.Receiver.All, r => r.Path == "/sms" && r.Body.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterTheRetentionPeriodSentDeadAndDroppedMessagesForgetTheirRecipientAndBody()
    {
        await app.Sink.StartAsync();
        Assert.SkipWhen(app.Sink.SkipReason is not null, app.Sink.SkipReason ?? "");
        var old = await ReportAsync("en", "old.report@example.com");
        var dropped = await ReportAsync("en", "dropped.report@example.com");
        var recent = await ReportAsync("en", "recent.report@example.com");
        await DeliverAsync();

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-Options.RetentionDays - 1);
        await db.Set<OutboxMessage>().Where(m => m.Reference == old).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, longAgo));
        var deadLetter = await db.Set<OutboxMessage>().SingleAsync(m => m.Reference == dropped && m.Channel == OutboxChannel.Email);
        await db.Set<OutboxMessage>().Where(m => m.Id == deadLetter.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Dead).SetProperty(m => m.SentAt, (DateTimeOffset?)null));
        var admin = await app.ClientAsync("demo.admin");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await admin.PostAsync($"/api/outbox/{deadLetter.Id}/drop", null)).StatusCode);
        await db.Set<OutboxMessage>().Where(m => m.Id == deadLetter.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, longAgo));

        await app.Services.GetRequiredService<OutboxWorker>().PurgeAsync(CancellationToken.None);

        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Channel == OutboxChannel.Email && (m.Reference == old || m.Reference == dropped || m.Reference == recent))
            .ToDictionaryAsync(m => m.Reference!);
        foreach (var gone in new[] { old, dropped })
        {
            Assert.Null(rows[gone].Recipient);
            Assert.Null(rows[gone].Body);
            Assert.NotNull(rows[gone].PurgedAt);
            Assert.NotNull(rows[gone].RecipientMasked); // the list still says, masked, where it went
        }
        Assert.Null(rows[dropped].SentAt); // dropped is not sent: it does not count towards the daily limit
        Assert.NotNull(rows[recent].Recipient);
        Assert.Null(rows[recent].PurgedAt);
        // A purged dead letter cannot be retried: there is nothing left to send.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.PostAsync($"/api/outbox/{deadLetter.Id}/retry", null)).StatusCode);
    }
}
