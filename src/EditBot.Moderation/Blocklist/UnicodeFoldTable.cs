using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace EditBot.Moderation;

/// <summary>
/// Compatibility and diacritic folding (NFKD, marks removed, NFC) for the code points that fold to Latin, Greek or
/// Cyrillic letters, digits or the leetspeak symbols. Why a table: the host runs with InvariantGlobalization, where
/// <see cref="string.Normalize()"/> does nothing, so the fold must not depend on ICU. The data was generated once
/// with ICU (.NET, InvariantGlobalization off) over U+00A0–U+33FF, U+FB00–U+FFEF, U+1D400–U+1D7FF and
/// U+1F100–U+1F1FF, keeping folds of at most three characters. Tokens: "X=abc" one code point; "X-Y=a" a range
/// folding to one text; "X-Y&gt;a" a range folding to consecutive letters; "X-Y~A" a range alternating A, a, A, a.
/// </summary>
internal static class UnicodeFoldTable
{
    private const string Data = """
AA=a B2-B3>2 B5=μ B9=1 BA=o C0-C5=A C7=C C8-CB=E CC-CF=I D1-D2>N D3-D6=O D9-DC=U DD=Y E0-E5=a
E7=c E8-EB=e EC-EF=i F1-F2>n F3-F6=o F9-FC=u FD=y FF=y 100-105~A 106-10D~C 10E=D 10F=d 112-11B~E
11C-123~G 124=H 125=h 128-130~I 132=IJ 133=ij 134=J 135=j 136=K 137=k 139-13E~L 143-148~N
14C-151~O 154-159~R 15A-161~S 162-165~T 168-173~U 174=W 175=w 176-178~Y 179-17E~Z 17F=s 1A0=O
1A1=o 1AF=U 1B0=u 1C4=DZ 1C5=Dz 1C6=dz 1C7=LJ 1C8=Lj 1C9=lj 1CA=NJ 1CB=Nj 1CC=nj 1CD=A 1CE=a
1CF=I 1D0=i 1D1=O 1D2=o 1D3-1DC~U 1DE-1E1~A 1E2=Æ 1E3=æ 1E6=G 1E7=g 1E8=K 1E9=k 1EA-1ED~O 1EE=Ʒ
1F0=j 1F1=DZ 1F2=Dz 1F3=dz 1F4=G 1F5=g 1F8=N 1F9=n 1FA=A 1FB=a 1FC=Æ 1FD=æ 1FE=Ø 1FF=ø 200-203~A
204-207~E 208-20B~I 20C-20F~O 210-213~R 214-217~U 218=S 219=s 21A=T 21B=t 21E=H 21F=h 226=A
227=a 228=E 229=e 22A-231~O 232=Y 233=y 2B0=h 2B2=j 2B3=r 2B7=w 2B8=y 2E1=l 2E2=s 2E3=x 386=Α
388=Ε 389=Η 38A=Ι 38C=Ο 38E=Υ 38F=Ω 390=ι 3AA=Ι 3AB=Υ 3AC=α 3AD=ε 3AE=η 3AF=ι 3B0=υ 3CA=ι 3CB=υ
3CC=ο 3CD=υ 3CE=ω 3D0=β 3D1=θ 3D2-3D4=Υ 3D5=φ 3D6=π 3F0=κ 3F1-3F2>ρ 3F4=Θ 3F5=ε 3F9=Σ 400-401=Е
403=Г 407=І 40C=К 40D=И 40E=У 419=И 439=и 450-451=е 453=г 457=і 45C=к 45D=и 45E=у 476-477>Ѵ
4C1=Ж 4C2=ж 4D0-4D3~А 4D6=Е 4D7=е 4DA-4DB>Ә 4DC=Ж 4DD=ж 4DE=З 4DF=з 4E2-4E5~И 4E6=О 4E7=о
4EA-4EB>Ө 4EC=Э 4ED=э 4EE-4F3~У 4F4=Ч 4F5=ч 4F8=Ы 4F9=ы 1D2C=A 1D2D=Æ 1D2E=B 1D30-1D31>D 1D32=Ǝ
1D33-1D3A>G 1D3C=O 1D3D=Ȣ 1D3E=P 1D3F=R 1D40-1D41>T 1D42=W 1D43=a 1D47=b 1D48-1D49>d 1D4D=g
1D4F=k 1D50=m 1D51=ŋ 1D52=o 1D56=p 1D57-1D58>t 1D5B=v 1D5D-1D5F>β 1D60-1D61>φ 1D62=i 1D63=r
1D64-1D65>u 1D66-1D67>β 1D68=ρ 1D69-1D6A>φ 1D78=н 1D9C=c 1D9E=ð 1DA0=f 1DB5=ƫ 1DBB=z 1DBF=θ
1E00=A 1E01=a 1E02-1E07~B 1E08=C 1E09=c 1E0A-1E13~D 1E14-1E1D~E 1E1E=F 1E1F=f 1E20=G 1E21=g
1E22-1E2B~H 1E2C-1E2F~I 1E30-1E35~K 1E36-1E3D~L 1E3E-1E43~M 1E44-1E4B~N 1E4C-1E53~O 1E54-1E57~P
1E58-1E5F~R 1E60-1E69~S 1E6A-1E71~T 1E72-1E7B~U 1E7C-1E7F~V 1E80-1E89~W 1E8A-1E8D~X 1E8E=Y
1E8F=y 1E90-1E95~Z 1E96=h 1E97=t 1E98=w 1E99=y 1E9B=s 1EA0-1EB7~A 1EB8-1EC7~E 1EC8-1ECB~I
1ECC-1EE3~O 1EE4-1EF1~U 1EF2-1EF9~Y 1F00-1F07=α 1F08-1F0F=Α 1F10-1F15=ε 1F18-1F1D=Ε 1F20-1F27=η
1F28-1F2F=Η 1F30-1F37=ι 1F38-1F3F=Ι 1F40-1F45=ο 1F48-1F4D=Ο 1F50-1F57=υ 1F59=Υ 1F5B=Υ 1F5D=Υ
1F5F=Υ 1F60-1F67=ω 1F68-1F6F=Ω 1F70-1F71=α 1F72-1F73=ε 1F74-1F75=η 1F76-1F77=ι 1F78-1F79=ο
1F7A-1F7B=υ 1F7C-1F7D=ω 1F80-1F87=α 1F88-1F8F=Α 1F90-1F97=η 1F98-1F9F=Η 1FA0-1FA7=ω 1FA8-1FAF=Ω
1FB0-1FB4=α 1FB6-1FB7=α 1FB8-1FBC=Α 1FBE=ι 1FC2-1FC4=η 1FC6-1FC7=η 1FC8-1FC9=Ε 1FCA-1FCC=Η
1FD0-1FD3=ι 1FD6-1FD7=ι 1FD8-1FDB=Ι 1FE0-1FE3=υ 1FE4-1FE5=ρ 1FE6-1FE7=υ 1FE8-1FEB=Υ 1FEC=Ρ
1FF2-1FF4=ω 1FF6-1FF7=ω 1FF8-1FF9=Ο 1FFA-1FFC=Ω 203C=!! 2070=0 2071=i 2074-2079>4 207F=n
2080-2089>0 2090=a 2091=e 2092=o 2093=x 2095=h 2096-2099>k 209A=p 209B-209C>s 20A8=Rs 2102=C
2107=Ɛ 210A=g 210B-210D=H 210E=h 210F=ħ 2110-2111=I 2112=L 2113=l 2115=N 2116=No 2119-211B>P
211C-211D=R 2120=SM 2121=TEL 2122=TM 2124=Z 2126=Ω 2128=Z 212A=K 212B-212D>A 212F=e 2130-2131>E
2133=M 2134=o 2139=i 213B=FAX 213C=π 213D=γ 213E=Γ 213F=Π 2145=D 2146-2147>d 2148-2149>i 2160=I
2161=II 2162=III 2163=IV 2164=V 2165=VI 2166=VII 2168=IX 2169=X 216A=XI 216B=XII 216C=L
216D-216E>C 216F=M 2170=i 2171=ii 2172=iii 2173=iv 2174=v 2175=vi 2176=vii 2178=ix 2179=x
217A=xi 217B=xii 217C=l 217D-217E>c 217F=m 2460-2468>1 2469=10 246A=11 246B=12 246C=13 246D=14
246E=15 246F=16 2470=17 2471=18 2472=19 2473=20 24B6-24CF>A 24D0-24E9>a 24EA=0 2C7C=j 2C7D=V
3250=PTE 3251=21 3252=22 3253=23 3254=24 3255=25 3256=26 3257=27 3258=28 3259=29 325A=30 325B=31
325C=32 325D=33 325E=34 325F=35 32B1=36 32B2=37 32B3=38 32B4=39 32B5=40 32B6=41 32B7=42 32B8=43
32B9=44 32BA=45 32BB=46 32BC=47 32BD=48 32BE=49 32BF=50 32CC=Hg 32CD=erg 32CE=eV 32CF=LTD
3371=hPa 3372=da 3373=AU 3374=bar 3375=oV 3376=pc 3377=dm 3378=dm2 3379=dm3 337A=IU 3380=pA
3381=nA 3382=μA 3383=mA 3384=kA 3385=KB 3386=MB 3387=GB 3388=cal 338A=pF 338B=nF 338C=μF 338D=μg
338E=mg 338F=kg 3390=Hz 3391=kHz 3392=MHz 3393=GHz 3394=THz 3395=μl 3396=ml 3397=dl 3398=kl
3399=fm 339A=nm 339B=μm 339C=mm 339D=cm 339E=km 339F=mm2 33A0=cm2 33A1=m2 33A2=km2 33A3=mm3
33A4=cm3 33A5=m3 33A6=km3 33A9=Pa 33AA=kPa 33AB=MPa 33AC=GPa 33AD=rad 33B0=ps 33B1=ns 33B2=μs
33B3=ms 33B4=pV 33B5=nV 33B6=μV 33B7=mV 33B8=kV 33B9=MV 33BA=pW 33BB=nW 33BC=μW 33BD=mW 33BE=kW
33BF=MW 33C0=kΩ 33C1=MΩ 33C3=Bq 33C4=cc 33C5=cd 33C8=dB 33C9=Gy 33CA=ha 33CB=HP 33CC=in 33CD=KK
33CE=KM 33CF=kt 33D0=lm 33D1=ln 33D2=log 33D3=lx 33D4=mb 33D5=mil 33D6=mol 33D7=PH 33D9=PPM
33DA=PR 33DB=sr 33DC=Sv 33DD=Wb 33FF=gal FB00=ff FB01=fi FB02=fl FB03=ffi FB04=ffl FB05=st
FB06=st FE15=! FE57=! FE69=$ FE6B=@ FF01=! FF04=$ FF10-FF19>0 FF20-FF3A>@ FF41-FF5A>a FF5C=|
1D400-1D419>A 1D41A-1D433>a 1D434-1D44D>A 1D44E-1D454>a 1D456-1D467>i 1D468-1D481>A
1D482-1D49B>a 1D49C=A 1D49E-1D49F>C 1D4A2=G 1D4A5-1D4A6>J 1D4A9-1D4AC>N 1D4AE-1D4B5>S
1D4B6-1D4B9>a 1D4BB=f 1D4BD-1D4C3>h 1D4C5-1D4CF>p 1D4D0-1D4E9>A 1D4EA-1D503>a 1D504-1D505>A
1D507-1D50A>D 1D50D-1D514>J 1D516-1D51C>S 1D51E-1D537>a 1D538-1D539>A 1D53B-1D53E>D
1D540-1D544>I 1D546=O 1D54A-1D550>S 1D552-1D56B>a 1D56C-1D585>A 1D586-1D59F>a 1D5A0-1D5B9>A
1D5BA-1D5D3>a 1D5D4-1D5ED>A 1D5EE-1D607>a 1D608-1D621>A 1D622-1D63B>a 1D63C-1D655>A
1D656-1D66F>a 1D670-1D689>A 1D68A-1D6A3>a 1D6A4=ı 1D6A5=ȷ 1D6A8-1D6B8>Α 1D6B9=Θ 1D6BA-1D6C0>Σ
1D6C2-1D6DA>α 1D6DC=ε 1D6DD=θ 1D6DE=κ 1D6DF=φ 1D6E0=ρ 1D6E1=π 1D6E2-1D6F2>Α 1D6F3=Θ
1D6F4-1D6FA>Σ 1D6FC-1D714>α 1D716=ε 1D717=θ 1D718=κ 1D719=φ 1D71A=ρ 1D71B=π 1D71C-1D72C>Α
1D72D=Θ 1D72E-1D734>Σ 1D736-1D74E>α 1D750=ε 1D751=θ 1D752=κ 1D753=φ 1D754=ρ 1D755=π
1D756-1D766>Α 1D767=Θ 1D768-1D76E>Σ 1D770-1D788>α 1D78A=ε 1D78B=θ 1D78C=κ 1D78D=φ 1D78E=ρ
1D78F=π 1D790-1D7A0>Α 1D7A1=Θ 1D7A2-1D7A8>Σ 1D7AA-1D7C2>α 1D7C4=ε 1D7C5=θ 1D7C6=κ 1D7C7=φ
1D7C8=ρ 1D7C9=π 1D7CA-1D7CB>Ϝ 1D7CE-1D7D7>0 1D7D8-1D7E1>0 1D7E2-1D7EB>0 1D7EC-1D7F5>0
1D7F6-1D7FF>0 1F12B=C 1F12C=R 1F12D=CD 1F12E=WZ 1F130-1F149>A 1F14A=HV 1F14B=MV 1F14C=SD
1F14D=SS 1F14E=PPV 1F14F=WC 1F16A=MC 1F16B=MD 1F16C=MR 1F190=DJ
""";

    public static readonly FrozenDictionary<int, string> Folds = Parse(Data);

    private static FrozenDictionary<int, string> Parse(string data)
    {
        var folds = new Dictionary<int, string>();
        foreach (var token in data.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var opAt = token.IndexOfAny(['=', '>', '~']);
            var codes = token[..opAt].Split('-');
            var first = int.Parse(codes[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var last = codes.Length > 1 ? int.Parse(codes[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : first;
            var text = token[(opAt + 1)..];
            for (var code = first; code <= last; code++)
            {
                var step = code - first;
                folds[code] = token[opAt] switch
                {
                    '>' => ((char)(text[0] + step)).ToString(),
                    '~' => step % 2 == 0 ? text : text.ToLowerInvariant(),
                    _ => text,
                };
            }
        }

        return folds.ToFrozenDictionary();
    }

    /// <summary>Appends the fold of <paramref name="rune"/>, or the rune itself when it has none.</summary>
    public static void AppendFolded(StringBuilder builder, Rune rune)
    {
        if (Folds.TryGetValue(rune.Value, out var folded))
        {
            builder.Append(folded);
        }
        else
        {
            builder.Append(rune.ToString());
        }
    }
}
