namespace LrCompose;

/// <summary>
/// Schedules under the names, parameters and defaults of the Python libraries, number for number (including their
/// quirks, each documented where it is reproduced). Every constructor is built from LrCompose's own shapes and
/// combinators wherever the shape allows, so printing one shows the native recipe it equals.
/// </summary>
public static partial class Compat;
