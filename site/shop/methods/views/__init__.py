"""What the databank and advice pages do with a request. The pages (pages.py) route
here; the views find the page classes through the app registry (`page_model`), so the page
models and the views do not import each other."""
