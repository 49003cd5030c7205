using Shop.Core.Data;
using Shop.Jobs.Hosting;
using Shop.Web.Infrastructure;

Shop.Core.ShopCulture.Apply();
var builder = WebApplication.CreateBuilder(args);
builder.AddShopCore();
builder.AddShopJobs();
builder.AddShopWeb();

var app = builder.Build();
app.UseShopWeb();
app.Run();

public partial class Program;
