namespace Mtcopy.Core.Kernel;

/// <summary>How a required option failed to end up in the final .config.</summary>
public enum ConfigMismatchKind
{
    /// <summary>The option does not appear in the .config at all (unmet dependency or unknown symbol).</summary>
    Absent,
    /// <summary>Wanted enabled (y/m/value) but it is n / not set.</summary>
    Disabled,
    /// <summary>Wanted y but it is only m.</summary>
    DemotedToModule,
    /// <summary>Wanted n but it is enabled (usually selected by another option).</summary>
    UnexpectedlyEnabled,
    /// <summary>Any other difference (m became y, a string or number differs).</summary>
    ValueDiffers,
}
