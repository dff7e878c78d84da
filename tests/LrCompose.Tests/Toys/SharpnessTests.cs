using LrCompose.Cli.Training;

namespace LrCompose.Tests.Toys;

/// <summary>
/// λ_max by power iteration on finite-difference Hessian–vector products, against Hessians known in closed form: a
/// quadratic ½pᵀAp (the Hessian is A, built with chosen eigenvalues) and a two-layer scalar linear network
/// f(x) = a·b·x under the mean squared error (a 2×2 Hessian with a closed-form top eigenvalue).
/// </summary>
public sealed class SharpnessTests
{
    /// <summary>A = Q diag(λ) Qᵀ with Q a Householder reflection of a seeded vector: symmetric, eigenvalues exactly λ.</summary>
    private static double[,] WithEigenvalues(double[] eigenvalues, int seed)
    {
        int n = eigenvalues.Length;
        var random = new Random(seed);
        var u = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double norm = Math.Sqrt(u.Sum(x => x * x));
        for (int i = 0; i < n; i++) u[i] /= norm;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++)
                {
                    double qik = (i == k ? 1 : 0) - 2 * u[i] * u[k], qjk = (j == k ? 1 : 0) - 2 * u[j] * u[k];
                    a[i, j] += qik * eigenvalues[k] * qjk;
                }
        return a;
    }

    private static Sharpness.GradientOf QuadraticGradient(double[,] a) => (p, g) =>
    {
        for (int i = 0; i < p.Length; i++)
        {
            g[i] = 0;
            for (int j = 0; j < p.Length; j++) g[i] += a[i, j] * p[j];
        }
    };

    [Theory]
    [InlineData(new[] { 5.0, 3, 1, 0.5, -2 }, 5.0)]
    [InlineData(new[] { 40.0, 39, 2, 1, 0.1, 0.01 }, 40.0)]
    [InlineData(new[] { 2.0, -7, 1 }, 2.0)]        // the most negative eigenvalue dominates: the shifted second run
    [InlineData(new[] { -1.0, -3, -0.5 }, -0.5)]   // all negative: the largest is still found
    public void The_top_eigenvalue_of_a_quadratic_is_its_largest_eigenvalue(double[] eigenvalues, double top)
    {
        var a = WithEigenvalues(eigenvalues, seed: eigenvalues.Length);
        var point = Enumerable.Range(0, eigenvalues.Length).Select(i => 0.3 * i - 1).ToArray();
        double found = Sharpness.Top(QuadraticGradient(a), point, maxIterations: 2_000);
        // The Rayleigh quotient's error is of the order of the tolerance times the spectrum's spread (a close second
        // eigenvalue, 39 beside 40, converges slowest).
        Assert.Equal(top, found, 2e-3 * eigenvalues.Max(Math.Abs));
    }

    [Theory]
    [InlineData(0.7, 1.3, 1)]
    [InlineData(2.0, 0.1, 3)]
    [InlineData(0.01, 0.02, 2)]
    [InlineData(1.5, -1.5, 4)]
    public void The_top_eigenvalue_of_a_scalar_linear_network_is_the_closed_form(double a, double b, int seed)
    {
        // Data x, y; L(a, b) = mean (a·b·x − y)² = a²b²·s − 2ab·c + mean y², with s = mean x², c = mean x·y.
        var random = new Random(seed);
        var x = Enumerable.Range(0, 20).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var y = x.Select(v => 1.7 * v + 0.1 * (random.NextDouble() - 0.5)).ToArray();
        double s = x.Average(v => v * v), c = x.Zip(y, (u, v) => u * v).Average();
        Sharpness.GradientOf gradient = (p, g) =>
        {
            g[0] = 2 * p[0] * p[1] * p[1] * s - 2 * p[1] * c;
            g[1] = 2 * p[0] * p[0] * p[1] * s - 2 * p[0] * c;
        };
        double haa = 2 * b * b * s, hbb = 2 * a * a * s, hab = 4 * a * b * s - 2 * c;
        double expected = (haa + hbb) / 2 + Math.Sqrt((haa - hbb) * (haa - hbb) / 4 + hab * hab);
        Assert.Equal(expected, Sharpness.Top(gradient, [a, b], maxIterations: 2_000), 1e-3 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void A_warm_start_from_the_top_direction_settles_at_once_and_hands_the_direction_back()
    {
        var a = WithEigenvalues([9, 4, 1, 0.25], seed: 9);
        var point = new double[] { 1, 2, 3, 4 };
        var direction = new double[4];
        Sharpness.Top(QuadraticGradient(a), point, 2_000, direction);
        Assert.NotEqual(0, direction.Sum(v => v * v));
        int calls = 0;
        Sharpness.GradientOf counted = (p, g) => { calls++; QuadraticGradient(a)(p, g); };
        Assert.Equal(9, Sharpness.Top(counted, point, 2_000, direction), 1e-3);
        Assert.True(calls <= 4, $"{calls} gradients: a converged direction should settle in two iterations");
    }
}
