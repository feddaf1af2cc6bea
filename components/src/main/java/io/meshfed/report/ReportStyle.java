package io.meshfed.report;

/** The report's inline style sheet (the page loads nothing). */
final class ReportStyle {

    private ReportStyle() {
    }

    static final String CSS = """
            body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 16px 24px; color: #202124; }
            h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; border-bottom: 1px solid #dadce0; }
            nav a { margin-right: 12px; } .note { color: #b06000; } .mono, pre { font-family: ui-monospace, Menlo, Consolas, monospace; }
            pre { font-size: 11px; background: #f8f9fa; padding: 8px; overflow: auto; max-height: 400px; }
            .diagram { overflow: auto; border: 1px solid #dadce0; padding: 4px; } .diagram svg { max-width: 100%; height: auto; }
            table { border-collapse: collapse; } th, td { border: 1px solid #dadce0; padding: 3px 6px; vertical-align: top; text-align: left; }
            thead th { background: #f1f3f4; position: sticky; top: 0; }
            .scroll { overflow: auto; max-height: 900px; }
            .matrix td.cell { min-width: 150px; max-width: 230px; font-size: 11px; }
            .matrix .why { color: #3c4043; } .matrix td.self { background: #f1f3f4; }
            .allowed { background: #e6f4ea; } .denied { background: #fce8e6; } .no-mtls { background: #fef7e0; }
            .not-judged { background: #f1f3f4; }
            .verdict { font-weight: 600; } td.disagree, tr.disagree td { outline: 3px solid #d93025; outline-offset: -3px; }
            .chip { padding: 1px 8px; border-radius: 10px; border: 1px solid #dadce0; }
            p.agree { color: #137333; } p.disagree { color: #d93025; font-weight: 600; }
            tr.expires-soon td.status, tr.expired td.status, tr.not-yet-valid td.status { color: #d93025; font-weight: 600; }
            td.shares { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
            """;
}
