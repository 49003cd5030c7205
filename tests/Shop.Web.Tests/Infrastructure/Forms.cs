using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Shop.Web.Tests.Infrastructure;

/// <summary>Reads pages with AngleSharp and posts their real forms, antiforgery token included, as a browser would.</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the form matched by <paramref name="selector"/> with its current values, changed by <paramref name="values"/>
    /// (a null value removes the field, like an unticked box).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string selector,
        IDictionary<string, string?>? values = null, string pageUrl = "/")
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form matches {selector}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is not ("submit" or "file"):
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields.Add(new(name, select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            var isList = name.EndsWith("[]");
            var key = isList ? name[..^2] : name;
            if (!isList) fields.RemoveAll(f => f.Key == key);
            if (value is not null) fields.Add(new(key, value));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string Token(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value ?? throw new InvalidOperationException("no antiforgery token");

    /// <summary>The validation message shown next to a field, or "".</summary>
    public static string FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";
}
