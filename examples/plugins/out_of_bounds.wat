;; Hostile: asks the host to write its message far outside its one page of memory, as a
;; plugin probing for the host's (or another plugin's) memory would. The host's checked
;; access refuses and the call traps; nothing outside the plugin's memory is touched.
(module
  (import "host" "input" (func $input (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "tick") (param $tick i32) (result i32)
    (call $input (i32.const 0x7ffffff0) (i32.const 100))))
