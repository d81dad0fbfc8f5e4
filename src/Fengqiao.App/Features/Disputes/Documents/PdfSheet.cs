using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fengqiao.Features.Disputes.Documents;

/// <summary>
/// A4 pages written top to bottom: titles, labelled lines, wrapped paragraphs and the signature block with its
/// fingerprint box, breaking pages as needed. Chinese has no spaces, so lines wrap at any character (never before
/// closing punctuation); Latin text wraps at spaces.
/// </summary>
internal sealed class PdfSheet : IDisposable
{
    private const double Margin = 64, Width = 595.28, Height = 841.89, Bottom = Height - 72;
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private const string NoLineStart = "，。、；：？！）》」』】〕”’,.;:?!)]%";

    private readonly PdfDocument _doc;
    private XGraphics? _g;
    private double _y;

    public PdfSheet(PdfDocument doc)
    {
        // Made here, not statically: an XFont resolves its face at once, and the resolver is installed at start-up.
        _doc = doc;
        (Body, Small, Heading, Title) = (Font(12), Font(9), Font(13, bold: true), Font(20, bold: true));
    }

    private static XFont Font(double size, bool bold = false) =>
        new(DocumentFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Embedded);

    public XFont Body { get; }
    public XFont Small { get; }
    public XFont Heading { get; }
    public XFont Title { get; }

    private double Left => Margin;
    private double Right => Width - Margin;

    /// <summary>Starts a document on a new page (an attachment starts on its own page).</summary>
    public void NewPage()
    {
        _g?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        _g = XGraphics.FromPdfPage(page);
        _y = 72;
    }

    private XGraphics G => _g ?? throw new InvalidOperationException("NewPage first.");

    private void Room(double needed)
    {
        if (_y + needed > Bottom)
        {
            NewPage();
        }
    }

    public void Centered(string text, XFont font, double after = 6)
    {
        foreach (var line in Wrap(text, font, Right - Left))
        {
            Room(font.Height);
            G.DrawString(line, font, XBrushes.Black, new XRect(Left, _y, Right - Left, font.Height), XStringFormats.TopCenter);
            _y += font.Height;
        }
        _y += after;
    }

    /// <summary>A right-aligned line, as the document number under the title.</summary>
    public void RightAligned(string text, XFont font, double after = 6)
    {
        Room(font.Height);
        G.DrawString(text, font, XBrushes.Black, new XRect(Left, _y, Right - Left, font.Height), XStringFormats.TopRight);
        _y += font.Height + after;
    }

    public void Space(double points) => _y += points;

    /// <summary>A paragraph, first line indented by two characters as Chinese documents are.</summary>
    public void Paragraph(string text, XFont? font = null, bool indent = true, double after = 4)
    {
        font ??= Body;
        var lead = indent ? G.MeasureString("中中", font).Width : 0;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var first = true;
            foreach (var line in Wrap(raw, font, Right - Left, lead))
            {
                Room(font.Height * 1.5);
                G.DrawString(line, font, XBrushes.Black, new XPoint(Left + (first ? lead : 0), _y + font.Height * 0.85));
                _y += font.Height * 1.5;
                first = false;
            }
        }
        _y += after;
    }

    /// <summary>"Label: value", the value wrapping under itself.</summary>
    public void Field(string label, string value)
    {
        var labelText = label + (LocalizedColon(label));
        var indent = G.MeasureString(labelText, Heading).Width;
        var lines = Wrap(value, Body, Right - Left - indent);
        Room(Body.Height * 1.5);
        G.DrawString(labelText, Heading, XBrushes.Black, new XPoint(Left, _y + Body.Height * 0.85));
        foreach (var line in lines)
        {
            Room(Body.Height * 1.5);
            G.DrawString(line, Body, XBrushes.Black, new XPoint(Left + indent, _y + Body.Height * 0.85));
            _y += Body.Height * 1.5;
        }
        _y += 2;
    }

    public void SectionHeading(string text)
    {
        Room(Heading.Height * 3);
        _y += 6;
        G.DrawString(text, Heading, XBrushes.Black, new XPoint(Left, _y + Heading.Height * 0.85));
        _y += Heading.Height * 1.6;
    }

    /// <summary>
    /// One signer: "label (sign): ______" with, for a party, a square box beside it for the fingerprint (按指印),
    /// and the date line. Kept on one page.
    /// </summary>
    public void SignatureLine(string label, string? fingerprintLabel, string dateLabel)
    {
        const double box = 46;
        Room(box + 20);
        var baseline = _y + Body.Height * 1.2;
        G.DrawString(label, Body, XBrushes.Black, new XPoint(Left, baseline));
        var lineStart = Left + Math.Max(G.MeasureString(label, Body).Width + 6, 190);
        G.DrawLine(XPens.Black, lineStart, baseline + 2, lineStart + 120, baseline + 2);
        var dateX = lineStart + 130;
        G.DrawString(dateLabel, Small, XBrushes.Black, new XPoint(dateX, baseline));
        if (fingerprintLabel is not null)
        {
            var boxX = Right - box;
            G.DrawRectangle(new XPen(XColors.Black, 0.8) { DashStyle = XDashStyle.Dash }, boxX, _y, box, box);
            G.DrawString(fingerprintLabel, Small, XBrushes.Gray, new XRect(boxX, _y + box + 1, box, Small.Height), XStringFormats.TopCenter);
            _y += box + Small.Height + 8;
        }
        else
        {
            _y += Body.Height * 2.2;
        }
    }

    /// <summary>The case number, verification code and "page n of m" on every page, written once the count is known.</summary>
    public void Footers(Func<int, int, string> text)
    {
        _g?.Dispose();
        _g = null;
        var count = _doc.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(_doc.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawLine(XPens.LightGray, Left, Height - 50, Right, Height - 50);
            g.DrawString(text(i + 1, count), Small, XBrushes.DimGray, new XRect(Left, Height - 46, Right - Left, Small.Height), XStringFormats.TopCenter);
        }
    }

    private static string LocalizedColon(string label) => label.Length > 0 && label[^1] > 0x2E80 ? "：" : ": ";

    /// <summary>Greedy line filling; the first line may be shorter by <paramref name="firstIndent"/>.</summary>
    private List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
    {
        var lines = new List<string>();
        if (text.Length == 0)
        {
            lines.Add("");
            return lines;
        }
        var current = new System.Text.StringBuilder();
        var limit = width - firstIndent;
        foreach (var unit in Units(text))
        {
            var trial = current + unit;
            var fits = G.MeasureString(trial.TrimEnd(), font).Width <= limit;
            if (fits || current.Length == 0 || (unit.Length == 1 && NoLineStart.Contains(unit[0], StringComparison.Ordinal)))
            {
                current.Append(unit);
                continue;
            }
            lines.Add(current.ToString().TrimEnd());
            current.Clear().Append(unit.TrimStart());
            limit = width;
        }
        lines.Add(current.ToString().TrimEnd());
        return lines;
    }

    /// <summary>A CJK character on its own, or a Latin word with the spaces after it.</summary>
    private static IEnumerable<string> Units(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsCjk(text[i]) || char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else
            {
                while (i < text.Length && !IsCjk(text[i]) && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }
            }
            yield return text[start..i];
        }
    }

    private static bool IsCjk(char c) => c >= 0x2E80 || char.GetUnicodeCategory(c) == UnicodeCategory.OtherPunctuation && c > 0xFF;

    public void Dispose() => _g?.Dispose();
}
