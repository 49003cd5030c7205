namespace Shop.Web.Pages.Shared;

/// <summary>What _Pagination needs: where we are, how many pages, and how to link to one.</summary>
public sealed record Pager(int Current, int PageCount, Func<int, string> Url)
{
    /// <summary>First, last and two either side of the current page; null marks a gap.</summary>
    public IEnumerable<int?> Window()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var n = Current - 2; n <= Current + 2; n++) if (n >= 1 && n <= PageCount) shown.Add(n);
        var previous = 0;
        foreach (var n in shown)
        {
            if (n > previous + 1) yield return null;
            yield return n;
            previous = n;
        }
    }
}
