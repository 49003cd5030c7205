using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class StorefrontNeedleLengthIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Products_NeedleLengthMm_Published_OnHold",
                table: "Products",
                columns: new[] { "NeedleLengthMm", "Published", "OnHold" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_NeedleLengthMm_Published_OnHold",
                table: "Products");
        }
    }
}
