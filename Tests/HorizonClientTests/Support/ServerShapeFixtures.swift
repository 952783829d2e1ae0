/// Small responses written by hand from each server's documented format
/// (/work/shared/docs/logprob-formats.md), for the shapes no server here can produce.
enum ServerShapeFixtures {
    /// vLLM chat completion: thinking in `reasoning_content`, `bytes` of the decoded string
    /// (a partial UTF-8 token shows as EF BF BD), a token that is impossible under the top list.
    static let vllmChat = #"""
        {"id":"chatcmpl-7","object":"chat.completion","created":1700000000,"model":"Qwen/QwQ-32B",
         "choices":[{"index":0,
           "message":{"role":"assistant","reasoning_content":"2 and 2 make 4","content":"The answer is \\boxed{4}."},
           "logprobs":{"content":[
             {"token":"The","logprob":-0.0100,"bytes":[84,104,101],
              "top_logprobs":[{"token":"The","logprob":-0.0100,"bytes":[84,104,101]},{"token":"So","logprob":-4.6,"bytes":[83,111]}]},
             {"token":"\ufffd","logprob":-1.5,"bytes":[239,191,189],
              "top_logprobs":[{"token":"\ufffd","logprob":-1.5,"bytes":[239,191,189]},{"token":" answer","logprob":-9999.0,"bytes":[32,97,110,115,119,101,114]}]}
           ]},
           "finish_reason":"stop","stop_reason":null}],
         "usage":{"prompt_tokens":21,"total_tokens":23,"completion_tokens":2}}
        """#

    /// Newer vLLM: thinking under `message.reasoning`, no log-probs requested.
    static let vllmChatReasoningField = #"""
        {"id":"chatcmpl-8","object":"chat.completion","model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","reasoning":"think","content":"4"},"logprobs":null,"finish_reason":"length"}],
         "usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}
        """#

    /// vLLM legacy completion with `echo`: the prompt's tokens come first, the first one with a
    /// null log-prob; `text_offset` counts code points; dictionary keys are decoded strings.
    static let vllmLegacyEcho = #"""
        {"id":"cmpl-3","object":"text_completion","created":1700000000,"model":"m",
         "choices":[{"index":0,"text":"Q: 1+1? A: 2",
           "logprobs":{"text_offset":[0,1,2,7,8,10],
                       "token_logprobs":[null,-2.5,-0.75,-1.25,-0.125,-0.0625],
                       "tokens":["Q",":"," 1+1?"," A",":"," 2"],
                       "top_logprobs":[null,{":":-2.5,"A":-3.0},{" 1+1?":-0.75," 2":-1.0},{" A":-1.25,"\n":-0.5},{":":-0.125},{" 2":-0.0625," 3":-3.0,"2":-4.0}]},
           "finish_reason":"length","stop_reason":null}],
         "usage":{"prompt_tokens":4,"total_tokens":6,"completion_tokens":2}}
        """#

    /// llama.cpp's own server answers `/v1/completions` in the chat log-prob shape.
    static let llamaCppV1CompletionsChatShape = #"""
        {"choices":[{"text":" 4","index":0,"finish_reason":"stop",
           "logprobs":{"content":[{"id":220,"token":" 4","bytes":[32,52],"logprob":-0.25,"top_logprobs":[{"id":220,"token":" 4","bytes":[32,52],"logprob":-0.25},{"id":221,"token":" 5","bytes":[32,53],"logprob":-3.4028234663852886e+38}]}]}}],
         "created":1700000000,"model":"gpt-3.5-turbo","object":"text_completion",
         "usage":{"completion_tokens":1,"prompt_tokens":6,"total_tokens":7},"id":"chatcmpl-x"}
        """#

    /// llama.cpp `POST /completion` with `n_probs`.
    static let llamaCppCompletion = #"""
        {"index":0,"content":" 4.","tokens":[],"id_slot":0,"stop":true,"model":"local","tokens_predicted":2,"tokens_evaluated":9,
         "stop_type":"eos","stopping_word":"","tokens_cached":10,
         "completion_probabilities":[
           {"id":220,"token":" 4","bytes":[32,52],"logprob":-0.5,"top_logprobs":[{"id":220,"token":" 4","bytes":[32,52],"logprob":-0.5},{"id":221,"token":" 5","bytes":[32,53],"logprob":-1.0}]},
           {"id":13,"token":".","bytes":[46],"logprob":-0.01,"top_logprobs":[{"id":13,"token":".","bytes":[46],"logprob":-0.01}]}
         ]}
        """#

    /// llama.cpp `POST /completion` with `n_probs` and `post_sampling_probs`: probabilities in 0…1.
    static let llamaCppCompletionPostSampling = #"""
        {"content":"a","model":"local","tokens_predicted":1,"tokens_evaluated":3,"stop_type":"limit",
         "completion_probabilities":[
           {"id":64,"token":"a","bytes":[97],"prob":0.5,"top_probs":[{"id":64,"token":"a","bytes":[97],"prob":0.5},{"id":65,"token":"b","bytes":[98],"prob":0.25},{"id":66,"token":"c","bytes":[99],"prob":0.0}]}
         ]}
        """#

    /// SGLang `POST /generate` with `return_logprob`, `top_logprobs_num` and
    /// `return_text_in_logprobs`.
    static let sglangGenerate = #"""
        {"text":" 4","meta_info":{"id":"a1","finish_reason":{"type":"stop","matched":151645},"prompt_tokens":12,"completion_tokens":2,"cached_tokens":0,
          "output_token_logprobs":[[-0.1,220," "],[-0.05,19,"4"]],
          "output_top_logprobs":[[[-0.1,220," "],[-2.4,198,"\n"]],[[-0.05,19,"4"],[-3.0,20,"5"]]]}}
        """#

    /// SGLang without `return_text_in_logprobs`: token texts are null; a step's top list may be null.
    static let sglangGenerateWithoutText = #"""
        {"text":"4","meta_info":{"finish_reason":{"type":"length","length":1},"prompt_tokens":3,"completion_tokens":1,
          "output_token_logprobs":[[-0.25,19,null]],"output_top_logprobs":[null]}}
        """#

    /// Ollama (0.12.11 or later) `POST /api/chat` with `logprobs` and `top_logprobs`.
    static let ollamaChat = #"""
        {"model":"qwen3:0.6b","created_at":"2025-11-20T10:00:00Z",
         "message":{"role":"assistant","content":"4","thinking":"2+2 is 4"},
         "done":true,"done_reason":"stop","total_duration":1000,"prompt_eval_count":14,"eval_count":1,
         "logprobs":[{"token":"4","logprob":-0.02,"bytes":[52],"top_logprobs":[{"token":"4","logprob":-0.02,"bytes":[52]},{"token":"5","logprob":-4.1,"bytes":[53]}]}]}
        """#

    /// vLLM streamed chat: thinking deltas under `delta.reasoning`, then content; log-probs
    /// per chunk; usage in a last chunk with no choices (`stream_options.include_usage`).
    static let vllmChatStreamEvents = [
        #"{"id":"c","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#,
        #"{"id":"c","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"reasoning":"hm"},"logprobs":{"content":[{"token":"hm","logprob":-0.5,"bytes":[104,109],"top_logprobs":[]}]},"finish_reason":null}]}"#,
        #"{"id":"c","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"content":"4"},"logprobs":{"content":[{"token":"4","logprob":-0.25,"bytes":[52],"top_logprobs":[{"token":"4","logprob":-0.25,"bytes":[52]}]}]},"finish_reason":"stop"}]}"#,
        #"{"id":"c","object":"chat.completion.chunk","model":"m","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}"#,
    ]

    /// vLLM streamed legacy completion: each chunk carries its tokens' legacy arrays.
    static let vllmLegacyStreamEvents = [
        #"{"id":"c","object":"text_completion","model":"m","choices":[{"index":0,"text":" 4","logprobs":{"text_offset":[5],"token_logprobs":[-0.5],"tokens":[" 4"],"top_logprobs":[{" 4":-0.5," 5":-1.0}]},"finish_reason":null}]}"#,
        #"{"id":"c","object":"text_completion","model":"m","choices":[{"index":0,"text":".","logprobs":{"text_offset":[7],"token_logprobs":[-0.125],"tokens":["."],"top_logprobs":[{".":-0.125}]},"finish_reason":"stop"}]}"#,
    ]
}
