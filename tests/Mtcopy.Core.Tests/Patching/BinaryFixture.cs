namespace Mtcopy.Core.Tests.Patching;

/// <summary>Output of git format-patch (git 2.39) for a one-byte change in a binary file and a new binary file.</summary>
internal static class BinaryFixture
{
    public const string Patch = """
        diff --git a/bin.dat b/bin.dat
        index 23e2880f02df641162c12d798f8537dfbeffc6b7..064e661728bc00d749f087019ef2ab959f86992f 100644
        GIT binary patch
        delta 12
        TcmZ3(w1#Oy3e$gviD}0G9)txC

        delta 12
        UcmZ3(w1#Oy3e%p$6Vr|X03bmHj{pDw

        diff --git a/new.bin b/new.bin
        new file mode 100644
        index 0000000000000000000000000000000000000000..6164d9f90821c3bf1dd2b0ccc10d92277d28ddfb
        GIT binary patch
        literal 6
        NcmZQzWMcmR4*&xg0t5g6

        literal 0
        HcmV?d00001

        -- 
        2.39.5

        """;
}
