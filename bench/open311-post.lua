-- wrk script: POST an Open311 request at a point inside a Chongqing Road grid.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "api_key=fengqiao-demo-open311&service_code=danger-fallingobject&description=bench&lat=43.887&long=125.3076"
