using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fengqiao.Infrastructure.Web;

/// <summary>
/// Field-level validation at the boundary, in the reader's language. Collects every problem
/// so that one answer tells the user all that is wrong, then becomes a 400 ValidationProblem.
/// </summary>
public sealed class Checks(IStringLocalizer localizer)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Ok => _errors.Count == 0;
    public IReadOnlyDictionary<string, List<string>> Errors => _errors;

    public Checks Add(string field, string message, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(localizer[message, args]);
        return this;
    }

    public Checks Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "This field is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, "At most {0} characters.", maxLength);
        }
        else
        {
            Text(field, value);
        }
        return this;
    }

    public Checks Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, "At most {0} characters.", maxLength);
        }
        else
        {
            Text(field, value);
        }
        return this;
    }

    /// <summary>
    /// Text that can be stored and shown: no NUL (PostgreSQL refuses it in text, so it would be a 500) and no other
    /// control character but tab and line breaks (XML answers cannot carry them). <see cref="Required"/> and
    /// <see cref="Optional"/> check this too; call it directly for text with no length rule of its own.
    /// </summary>
    public Checks Text(string field, string? value) =>
        When(value is not null && HasControl(value), field, "This text contains a control character, which cannot be stored.");

    public static bool HasControl(string value)
    {
        foreach (var ch in value)
        {
            if (ch < ' ' && ch is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }
        return false;
    }

    public Checks When(bool failed, string field, string message, params object[] args) =>
        failed ? Add(field, message, args) : this;

    /// <summary>
    /// The same errors on a page's form: field "idNumber" with prefix "Member." lands on <c>Member.IdNumber</c>
    /// (model-state keys ignore case); an empty field is a message for the whole form.
    /// </summary>
    public void AddTo(ModelStateDictionary state, string prefix = "")
    {
        foreach (var (field, messages) in _errors)
        {
            messages.ForEach(m => state.AddModelError(field.Length == 0 ? "" : prefix + field, m));
        }
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: localizer["Some fields need attention."]);
}

public sealed class ChecksFactory(IStringLocalizer<SharedResource> localizer)
{
    public Checks Create() => new(localizer);
}
