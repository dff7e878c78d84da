using LrCompose.Cli.Training;

namespace LrCompose.Tests.Toys;

/// <summary>
/// The hand-written dense network's backpropagation against central differences of its own loss: the gradients the
/// sharpness and every toy model are built on are exact.
/// </summary>
public sealed class MlpTests
{
    [Theory]
    [InlineData("tanh", new[] { 4, 6, 5, 4 }, 1)]
    [InlineData("tanh", new[] { 4, 32, 32, 4 }, 2)]
    [InlineData("relu", new[] { 4, 3, 4 }, 3)]
    public void Backpropagation_matches_central_differences_of_the_loss(string activation, int[] widths, int seed)
    {
        var net = new Mlp(widths, activation == "tanh" ? Activation.Tanh : Activation.Relu);
        var p = net.Initialise(seed, outputScale: 2);
        var gradient = new double[p.Length];
        net.Gradient(p, FlipNet.Images, FlipNet.Targets, gradient);
        const double h = 1e-6;
        for (int i = 0; i < p.Length; i++)
        {
            var plus = (double[])p.Clone();
            var minus = (double[])p.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (net.Loss(plus, FlipNet.Images, FlipNet.Targets) - net.Loss(minus, FlipNet.Images, FlipNet.Targets)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-6 * (1 + Math.Abs(numeric)), $"parameter {i}: backpropagation {gradient[i]}, difference {numeric}");
        }
    }

    [Fact]
    public void The_gradients_loss_is_the_loss()
    {
        var net = new Mlp([4, 5, 4], Activation.Tanh);
        var p = net.Initialise(7);
        Assert.Equal(net.Loss(p, FlipNet.Images, FlipNet.Targets), net.Gradient(p, FlipNet.Images, FlipNet.Targets, new double[p.Length]));
    }

    [Fact]
    public void Widths_that_make_no_network_are_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new Mlp([4], Activation.Relu));
        Assert.Equal("widths", e.ParamName);
        Assert.Contains("[4]", e.Message);
        Assert.Throws<ArgumentException>(() => new Mlp([4, 0, 4], Activation.Relu));
    }
}
