namespace Fengqiao;

/// <summary>
/// Marker for the one resource set of the app (Resources/SharedResource.*.resx). Keys are the
/// English text, so English needs no resource file and a missing translation shows English.
/// </summary>
public sealed class SharedResource;
